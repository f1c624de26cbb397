namespace Remediation.Core.Breakers;

/// <summary>
/// Tenant-wide counts of autonomous actions per clock hour, shared by every instance of the app (Table storage in
/// production), so a cap holds however many instances run.
/// </summary>
public interface IHourlyBudget
{
    /// <summary>
    /// Takes up to <paramref name="units"/> of <paramref name="breaker"/>'s budget for the hour holding
    /// <paramref name="now"/>: as many as are left, each granted once across every instance.
    /// </summary>
    Task<BudgetTake> TakeAsync(string breaker, int limitPerHour, int units, DateTimeOffset now, CancellationToken cancellationToken);
}
