using System.Globalization;
using Microsoft.Extensions.Logging;
using Remediation.Core.Telemetry;

namespace Remediation.Core.Breakers;

/// <summary>
/// Caps an autonomous action per hour across the tenant: a detection bug or an attacker-shaped flood then costs at
/// most an hour's budget of wrong actions, and the SOC hears of it once per hour the cap holds.
/// </summary>
public sealed partial class CircuitBreaker(IHourlyBudget budget, IPipelineTelemetry telemetry, TimeProvider clock, ILogger<CircuitBreaker> logger)
{
    /// <summary>Session revocations of likely compromised mailboxes.</summary>
    public const string SessionRevocations = "SessionRevocations";

    /// <summary>Copies moved or deleted for campaigns the SOC did not approve.</summary>
    public const string UnapprovedMoves = "UnapprovedMoves";

    /// <returns>Whether the action may go ahead.</returns>
    public async Task<bool> TryTakeAsync(string breaker, int limitPerHour, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var decision = await budget.TakeAsync(breaker, limitPerHour, now, cancellationToken);
        if (decision == BudgetDecision.Tripped)
        {
            var window = HourlyCount.HourStart(now).ToString("o", CultureInfo.InvariantCulture);
            LogTripped(breaker, limitPerHour, window);
            telemetry.Emit(new CircuitBreakerTripped(breaker, limitPerHour, window));
        }
        return decision == BudgetDecision.Granted;
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "Circuit breaker {Breaker} tripped: {Limit} actions in the hour from {Window}; further ones are held until the next hour")]
    private partial void LogTripped(string breaker, int limit, string window);
}
