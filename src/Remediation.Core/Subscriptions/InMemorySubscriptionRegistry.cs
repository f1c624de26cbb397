using System.Runtime.CompilerServices;

namespace Remediation.Core.Subscriptions;

/// <summary>
/// The subscription registry of one process: the twin of the Table store for tests and single-process runs. It keeps
/// the same three kinds of rows, so it answers as the table does: ids compare ordinally (table keys are
/// case-sensitive), the row of a replaced subscription lingers and still names its mailbox, and expiries come back in
/// UTC.
/// </summary>
public sealed class InMemorySubscriptionRegistry : ISubscriptionRegistry
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, MailboxSubscription> _byMailbox = new(StringComparer.Ordinal);
    private readonly Dictionary<string, MailboxSubscription> _bySubscription = new(StringComparer.Ordinal);
    private readonly Dictionary<(string MailboxId, string FolderId), string?> _deltaLinks = [];

    public Task<MailboxSubscription?> FindByMailboxAsync(string mailboxId, CancellationToken cancellationToken) =>
        Find(_byMailbox, mailboxId, cancellationToken);

    public Task<MailboxSubscription?> FindBySubscriptionAsync(string subscriptionId, CancellationToken cancellationToken) =>
        Find(_bySubscription, subscriptionId, cancellationToken);

    public async IAsyncEnumerable<MailboxSubscription> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var subscription in Snapshot())
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return subscription;
        }
    }

    public Task SaveAsync(MailboxSubscription subscription, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        // The table keeps the instant, not the offset it was written with.
        var stored = subscription with { ExpiresAt = subscription.ExpiresAt.ToUniversalTime() };
        lock (_gate)
        {
            _bySubscription[stored.SubscriptionId] = stored;
            _byMailbox[stored.MailboxId] = stored;
        }
        return Task.CompletedTask;
    }

    public Task<string?> GetDeltaLinkAsync(string mailboxId, string folderId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate) return Task.FromResult(_deltaLinks.GetValueOrDefault((mailboxId, folderId)));
    }

    public Task SaveDeltaLinkAsync(string mailboxId, string folderId, string? deltaLink, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate) _deltaLinks[(mailboxId, folderId)] = deltaLink;
        return Task.CompletedTask;
    }

    // A copy: a save while a caller walks the list must not break the walk, as it does not break a table query.
    private MailboxSubscription[] Snapshot()
    {
        lock (_gate) return [.. _byMailbox.OrderBy(row => row.Key, StringComparer.Ordinal).Select(row => row.Value)];
    }

    private Task<MailboxSubscription?> Find(Dictionary<string, MailboxSubscription> rows, string id, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate) return Task.FromResult(rows.GetValueOrDefault(id));
    }
}
