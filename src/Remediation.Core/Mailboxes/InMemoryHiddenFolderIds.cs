using System.Collections.Concurrent;

namespace Remediation.Core.Mailboxes;

/// <summary>
/// The hidden folders' ids of one process: the twin of the Table store, with its semantics (names and mailbox ids
/// compare exactly, a save replaces).
/// </summary>
public sealed class InMemoryHiddenFolderIds : IHiddenFolderIds
{
    private readonly ConcurrentDictionary<(string Folder, string Mailbox), string> _ids = new();

    public Task<IReadOnlyDictionary<string, string>> FindAsync(string displayName, IReadOnlyCollection<string> mailboxIds, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var mailboxId in mailboxIds)
        {
            if (_ids.TryGetValue((displayName, mailboxId), out var id)) found[mailboxId] = id;
        }
        return Task.FromResult<IReadOnlyDictionary<string, string>>(found);
    }

    public Task SaveAsync(string displayName, IReadOnlyDictionary<string, string> folderIdsByMailbox, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        foreach (var (mailboxId, id) in folderIdsByMailbox) _ids[(displayName, mailboxId)] = id;
        return Task.CompletedTask;
    }

    public Task ForgetAsync(string displayName, string mailboxId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _ids.TryRemove((displayName, mailboxId), out _);
        return Task.CompletedTask;
    }
}
