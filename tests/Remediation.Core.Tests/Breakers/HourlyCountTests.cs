using Remediation.Core.Breakers;

namespace Remediation.Core.Tests.Breakers;

public class HourlyCountTests
{
    [Fact]
    public void Take_MoreUnitsThanAreLeft_GrantsOnlyWhatIsLeftAndReachesTheLimit()
    {
        var (take, next) = new HourlyCount(Taken: 8, Tripped: false).Take(limit: 10, units: 5);

        Assert.Equal(new BudgetTake(BudgetDecision.Granted, 2), take);
        Assert.Equal(new HourlyCount(10, false), next);
    }

    [Fact]
    public void HourOf_AnyMomentOfAnHour_IsThatUtcHourAsASortableKey()
    {
        Assert.Equal("2026112914", HourlyCount.HourOf(new DateTimeOffset(2026, 11, 29, 15, 59, 59, TimeSpan.FromHours(1))));
    }
}
