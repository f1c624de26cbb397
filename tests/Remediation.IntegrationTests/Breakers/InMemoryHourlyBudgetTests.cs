using Remediation.Core.Breakers;

namespace Remediation.IntegrationTests.Breakers;

public sealed class InMemoryHourlyBudgetTests : HourlyBudgetContract
{
    protected override IHourlyBudget Budget { get; } = new InMemoryHourlyBudget();
}
