using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Remediation.Core.Mailboxes;
using Remediation.Core.Queues;
using Remediation.Core.Telemetry;

namespace Remediation.Core.Subscriptions;

/// <summary>
/// The timer stage: every mailbox in scope has one live subscription. Missing ones are created, ones close to
/// expiry renewed, ones Graph forgot (404 on renew) recreated and their mailbox resynced.
/// </summary>
public sealed partial class SubscriptionKeeper(
    ISubscriptionGateway graph,
    IMailboxGateway mailboxes,
    ISubscriptionRegistry registry,
    IWorkQueue queue,
    IPipelineTelemetry telemetry,
    IOptions<SubscriptionOptions> options,
    IOptions<TenantOptions> tenant,
    TimeProvider clock,
    ILogger<SubscriptionKeeper> logger)
{
    // Read on use, not on construction: a local host learns its own webhook URLs only once it listens.
    private SubscriptionOptions Settings => options.Value;

    public async Task<KeeperReport> RunAsync(CancellationToken cancellationToken)
    {
        // Spreads writes so a tenant of thousands of mailboxes stays inside Graph's /subscriptions write limit.
        using var writes = new FixedWindowRateLimiter(new FixedWindowRateLimiterOptions
        {
            PermitLimit = Settings.MaxWritesPerWindow,
            Window = Settings.WriteWindow,
            QueueLimit = int.MaxValue,
        });
        var outcomes = new System.Collections.Concurrent.ConcurrentBag<KeeperOutcome>();
        await Parallel.ForEachAsync(
            MailboxesInScopeAsync(cancellationToken),
            new ParallelOptions { MaxDegreeOfParallelism = Settings.Concurrency, CancellationToken = cancellationToken },
            async (mailbox, ct) => outcomes.Add(await KeepAsync(mailbox, writes, ct)));
        var report = KeeperReport.From(outcomes);
        LogRun(report.Created, report.Renewed, report.Recreated, report.Unchanged, report.Failed, report.Skipped);
        // One summary per run: users without a reachable mailbox are tenant life, not an incident per user per run.
        if (report.Skipped > 0)
        {
            telemetry.Emit(new MailboxesSkipped(report.Skipped));
        }
        return report;
    }

    /// <summary>Creates a fresh subscription for the mailbox (after Graph removed one) and queues a resync.</summary>
    public async Task RecreateAsync(string mailboxId, CancellationToken cancellationToken)
    {
        await CreateAsync(mailboxId, cancellationToken);
        await QueueResyncAsync(mailboxId, cancellationToken);
    }

    private async Task<KeeperOutcome> KeepAsync(string mailbox, RateLimiter writes, CancellationToken cancellationToken)
    {
        var mailboxId = mailbox;
        try
        {
            mailboxId = await ObjectIdOfAsync(mailbox, cancellationToken);
            var current = await registry.FindByMailboxAsync(mailboxId, cancellationToken);
            if (current is not null && current.ExpiresAt - clock.GetUtcNow() > Settings.RenewBefore)
            {
                return KeeperOutcome.Unchanged;
            }

            using var permit = await writes.AcquireAsync(cancellationToken: cancellationToken);
            if (current is null)
            {
                await CreateAsync(mailboxId, cancellationToken);
                // A subscription an earlier version registered under the user's name: its notifications name the
                // object id and were refused, so what arrived meanwhile is caught up.
                if (mailbox != mailboxId && await registry.FindByMailboxAsync(mailbox, cancellationToken) is not null)
                {
                    await QueueResyncAsync(mailboxId, cancellationToken);
                }
                Track(mailboxId, KeeperOutcome.Created);
                return KeeperOutcome.Created;
            }

            var renewedUntil = await graph.RenewAsync(current.SubscriptionId, NewExpiry(), cancellationToken);
            if (renewedUntil is { } expiresAt)
            {
                await registry.SaveAsync(current with { ExpiresAt = expiresAt }, cancellationToken);
                Track(mailboxId, KeeperOutcome.Renewed);
                return KeeperOutcome.Renewed;
            }

            await RecreateAsync(mailboxId, cancellationToken);
            Track(mailboxId, KeeperOutcome.Recreated);
            return KeeperOutcome.Recreated;
        }
        catch (MailboxUnavailableException unavailable)
        {
            LogSkipped(mailboxId, unavailable.Reason);
            return KeeperOutcome.Skipped;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(ex, mailboxId);
            telemetry.Emit(new SubscriptionRenewalFailed(mailboxId, ex.Message));
            return KeeperOutcome.Failed;
        }
    }

    private async Task CreateAsync(string mailboxId, CancellationToken cancellationToken)
    {
        var subscription = await graph.CreateAsync(mailboxId, new SubscriptionRequest(
            Settings.WithKey(Settings.NotificationUrl),
            Settings.WithKey(Settings.LifecycleNotificationUrl),
            tenant.Value.ClientState,
            NewExpiry()), cancellationToken);
        await registry.SaveAsync(subscription, cancellationToken);
    }

    private Task QueueResyncAsync(string mailboxId, CancellationToken cancellationToken) =>
        queue.EnqueueAsync(WorkQueueNames.SubscriptionEvents, new SubscriptionEvent(mailboxId, null, SubscriptionEventKind.Resync), cancellationToken);

    // Graph's notifications name the user by object id even for a subscription made with a user principal name, so
    // the registry (and everything the webhook checks against it) is keyed by object id. The gateway resolves each
    // name once.
    private async Task<string> ObjectIdOfAsync(string mailbox, CancellationToken cancellationToken) =>
        Guid.TryParse(mailbox, out _) ? mailbox
        : await mailboxes.FindMailboxIdAsync(mailbox, cancellationToken)
            ?? throw new InvalidOperationException($"No user {mailbox} in the tenant (Subscriptions:Mailboxes).");

    private async IAsyncEnumerable<string> MailboxesInScopeAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (Settings.Mailboxes.Count > 0)
        {
            foreach (var mailbox in Settings.Mailboxes) yield return mailbox;
            yield break;
        }
        await foreach (var mailbox in graph.ListMailboxesAsync(cancellationToken))
        {
            yield return mailbox;
        }
    }

    private DateTimeOffset NewExpiry() => clock.GetUtcNow() + Settings.Lifetime;

    private void Track(string mailboxId, KeeperOutcome outcome) =>
        telemetry.Emit(new SubscriptionMaintained(mailboxId, outcome));

    [LoggerMessage(Level = LogLevel.Information, Message = "Subscriptions: {Created} created, {Renewed} renewed, {Recreated} recreated, {Unchanged} unchanged, {Failed} failed, {Skipped} users without a reachable mailbox")]
    private partial void LogRun(int created, int renewed, int recreated, int unchanged, int failed, int skipped);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Mailbox {MailboxId} skipped: {Reason}")]
    private partial void LogSkipped(string mailboxId, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Subscription for mailbox {MailboxId} could not be kept alive")]
    private partial void LogFailed(Exception exception, string mailboxId);
}
