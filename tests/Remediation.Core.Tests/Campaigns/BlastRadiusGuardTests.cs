using Remediation.Core.Campaigns;
using Remediation.Core.Remediation;

namespace Remediation.Core.Tests.Campaigns;

public sealed class BlastRadiusGuardTests
{
    private const int Cap = 6;
    private const double Floor = 12;
    private static readonly BlastRadiusGuard Guard = new(new RemediationOptions { MaxMailboxesPerCampaign = Cap, MinimumScoreToAct = Floor });

    [Fact]
    public void HoldAtBirth_ScoreAtTheFloorWithinTheCap_Acts() => Assert.Null(Guard.HoldAtBirth(Floor, Cap));

    [Theory]
    [InlineData(11.9)]
    [InlineData(0)]
    [InlineData(-5)]
    public void HoldAtBirth_ScoreBelowTheFloor_HoldsSayingSo(double score)
    {
        var reason = Guard.HoldAtBirth(score, reach: 1);

        Assert.Equal($"score {score.ToString(System.Globalization.CultureInfo.InvariantCulture)} is below the floor 12", reason);
    }

    [Fact]
    public void HoldAtBirth_OneMailboxBeyondTheCap_HoldsSayingSo() =>
        Assert.Equal("it reaches 7 mailboxes, more than 6", Guard.HoldAtBirth(Floor + 10, Cap + 1));

    [Fact]
    public void HoldAtBirth_LowScoreAndWideReach_NamesTheScoreFirst() =>
        Assert.StartsWith("score 3 is below", Guard.HoldAtBirth(3, Cap + 100));

    [Fact]
    public void Cap_IsTheOptionsMailboxLimit() => Assert.Equal(Cap, Guard.Cap);

    [Fact]
    public void GrownBeyondCap_SaysHowFarItReaches() =>
        Assert.Equal("it now reaches 9 mailboxes, more than 6", Guard.GrownBeyondCap(9));
}
