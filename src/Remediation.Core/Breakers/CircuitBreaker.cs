using System.Globalization;
using Microsoft.Extensions.Logging;
using Remediation.Core.Telemetry;

namespace Remediation.Core.Breakers;

/// <summary>
/// Caps an autonomous action per hour across the tenant: a detection bug or an attacker-shaped flood then costs at
/// most an hour's budget of wrong actions, and the SOC hears of it once per hour the cap holds.
/// </summary>
/// <remarks>
/// Every action reading and writing one shared row made that row the pipeline's hottest: a campaign's jobs raced for
/// it and retried. So an instance takes a block of units at a time (one sixty-fourth of the cap, at most 16) and
/// spends them itself. The cap still holds across instances, as the store grants each unit once; units an instance
/// holds when the hour ends go unused, so with several instances the cap can trip a few units early, never late.
/// </remarks>
public sealed partial class CircuitBreaker(IHourlyBudget budget, IPipelineTelemetry telemetry, TimeProvider clock, ILogger<CircuitBreaker> logger)
{
    private const int MaxBlock = 16;
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Breaker, string Hour), int> _held = [];
    // One refill at a time: callers that find the block spent wait for it rather than each taking another.
    private readonly SemaphoreSlim _refill = new(1, 1);

    /// <summary>Session revocations of likely compromised mailboxes.</summary>
    public const string SessionRevocations = "SessionRevocations";

    /// <summary>Copies moved or deleted for campaigns the SOC did not approve.</summary>
    public const string UnapprovedMoves = "UnapprovedMoves";

    /// <summary>Copies placed without transport moved in one mailbox for campaigns the SOC did not approve.</summary>
    public static string UnapprovedMovesIn(string mailboxId) => $"{UnapprovedMoves}|{mailboxId}";

    /// <returns>Whether the action may go ahead.</returns>
    public async Task<bool> TryTakeAsync(string breaker, int limitPerHour, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var key = (breaker, HourlyCount.HourOf(now));
        if (TryTakeHeld(key)) return true;
        await _refill.WaitAsync(cancellationToken);
        try
        {
            if (TryTakeHeld(key)) return true;
            var take = await budget.TakeAsync(breaker, limitPerHour, Math.Clamp(limitPerHour / 64, 1, MaxBlock), now, cancellationToken);
            if (take.Decision == BudgetDecision.Granted)
            {
                Hold(key, take.Units - 1);
                return true;
            }
            if (take.Decision == BudgetDecision.Tripped)
            {
                var window = HourlyCount.HourStart(now).ToString("o", CultureInfo.InvariantCulture);
                LogTripped(breaker, limitPerHour, window);
                telemetry.Emit(new CircuitBreakerTripped(breaker, limitPerHour, window));
            }
            return false;
        }
        finally
        {
            _refill.Release();
        }
    }

    private bool TryTakeHeld((string Breaker, string Hour) key)
    {
        lock (_gate)
        {
            if (_held.GetValueOrDefault(key) <= 0) return false;
            _held[key]--;
            return true;
        }
    }

    // Units of past hours are dropped: they were granted for an hour that is over.
    private void Hold((string Breaker, string Hour) key, int units)
    {
        lock (_gate)
        {
            foreach (var past in _held.Keys.Where(k => k.Hour != key.Hour).ToList()) _held.Remove(past);
            _held[key] = _held.GetValueOrDefault(key) + units;
        }
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "Circuit breaker {Breaker} tripped: {Limit} actions in the hour from {Window}; further ones are held until the next hour")]
    private partial void LogTripped(string breaker, int limit, string window);
}
