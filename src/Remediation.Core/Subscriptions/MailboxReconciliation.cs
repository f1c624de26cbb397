using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Remediation.Core.Telemetry;

namespace Remediation.Core.Subscriptions;

/// <summary>
/// The reconciliation timer stage: Graph can drop change notifications without any lifecycle event (an endpoint it
/// finds slow, a service fault), so every registered mailbox is resynced now and then. Delta links make a quiet
/// mailbox cost one request per folder, and the verdict store keeps scanned messages from being queued again.
/// </summary>
public sealed partial class MailboxReconciliation(
    ISubscriptionRegistry registry,
    MailboxResync resync,
    IPipelineTelemetry telemetry,
    IOptions<SubscriptionOptions> options,
    TimeProvider clock,
    ILogger<MailboxReconciliation> logger)
{
    public async Task<ReconciliationReport> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var results = new ConcurrentBag<ResyncResult?>();
        // A few mailboxes at a time, each read one folder after another: the run stays far inside Graph's
        // per-mailbox and per-app limits however large the tenant, and the gate and retry handler still apply.
        await Parallel.ForEachAsync(
            MailboxesAsync(now, cancellationToken),
            new ParallelOptions { MaxDegreeOfParallelism = options.Value.Concurrency, CancellationToken = cancellationToken },
            async (mailboxId, ct) => results.Add(await ResyncAsync(mailboxId, ct)));

        var report = ReconciliationReport.From(results);
        LogRun(report.Mailboxes, report.Folders, report.Queued, report.Failed);
        telemetry.Emit(new MailboxesReconciled(report.Mailboxes, report.Folders, report.Queued, report.Failed));
        return report;
    }

    private async Task<ResyncResult?> ResyncAsync(string mailboxId, CancellationToken cancellationToken)
    {
        try
        {
            return await resync.ResyncAsync(mailboxId, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // One mailbox's trouble (throttled past the retries, out of the app's scope now) must not stop the run.
            LogFailed(ex, mailboxId);
            return null;
        }
    }

    private async IAsyncEnumerable<string> MailboxesAsync(DateTimeOffset now, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var subscription in registry.ListAsync(cancellationToken))
        {
            if (ResyncScope.Reconciles(subscription, now)) yield return subscription.MailboxId;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reconciliation: {Mailboxes} mailboxes, {Folders} folders read, {Queued} unscanned messages queued, {Failed} mailboxes failed")]
    private partial void LogRun(int mailboxes, int folders, int queued, int failed);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reconciliation of mailbox {MailboxId} failed; the next run tries again")]
    private partial void LogFailed(Exception exception, string mailboxId);
}
