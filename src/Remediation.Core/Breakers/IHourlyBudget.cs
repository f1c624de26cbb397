namespace Remediation.Core.Breakers;

/// <summary>
/// Tenant-wide counts of autonomous actions per clock hour, shared by every instance of the app (Table storage in
/// production), so a cap holds however many instances run.
/// </summary>
public interface IHourlyBudget
{
    /// <summary>Takes one unit of <paramref name="breaker"/>'s budget for the hour holding <paramref name="now"/>.</summary>
    Task<BudgetDecision> TakeAsync(string breaker, int limitPerHour, DateTimeOffset now, CancellationToken cancellationToken);
}
