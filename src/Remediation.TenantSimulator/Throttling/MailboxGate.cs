using System.Collections.Concurrent;

namespace Remediation.TenantSimulator.Throttling;

internal enum MailboxAdmission
{
    Admitted,
    OverConcurrency,
    OverBudget,
}

/// <summary>
/// Exchange Online's per-mailbox limits for one application: a number of requests in flight at once and a request
/// budget per window.
/// </summary>
internal sealed class MailboxGate(SimulatorOptions options, TimeProvider timeProvider, SimulatorMetrics metrics)
{
    private readonly ConcurrentDictionary<string, MailboxLoad> loads = new(StringComparer.OrdinalIgnoreCase);

    public MailboxAdmission TryEnter(string mailboxId)
    {
        var load = loads.GetOrAdd(mailboxId, _ => new MailboxLoad(timeProvider.GetUtcNow()));
        lock (load)
        {
            if (load.InFlight >= options.MaxConcurrentRequestsPerMailbox)
            {
                return MailboxAdmission.OverConcurrency;
            }

            var now = timeProvider.GetUtcNow();
            if (now - load.WindowStart >= options.MailboxBudgetWindow)
            {
                load.WindowStart = now;
                load.RequestsInWindow = 0;
            }

            if (load.RequestsInWindow >= options.MailboxRequestBudget)
            {
                return MailboxAdmission.OverBudget;
            }

            load.InFlight++;
            load.RequestsInWindow++;
            metrics.MailboxRequestAdmitted(mailboxId, load.InFlight);
            return MailboxAdmission.Admitted;
        }
    }

    public void Exit(string mailboxId)
    {
        var load = loads[mailboxId];
        lock (load)
        {
            load.InFlight--;
        }
    }

    private sealed class MailboxLoad(DateTimeOffset windowStart)
    {
        public int InFlight { get; set; }

        public DateTimeOffset WindowStart { get; set; } = windowStart;

        public int RequestsInWindow { get; set; }
    }
}
