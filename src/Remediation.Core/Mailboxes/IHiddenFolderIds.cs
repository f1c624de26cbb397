namespace Remediation.Core.Mailboxes;

/// <summary>
/// The ids of the hidden folders the pipeline made, by folder name and mailbox, kept where every instance reads them.
/// Functions starts and stops instances at will: one that starts cold would otherwise ask Graph to make each mailbox's
/// quarantine folder again, be refused, and look the folder up by name, two requests more per mailbox.
/// </summary>
public interface IHiddenFolderIds
{
    /// <summary>The known id of the folder named <paramref name="displayName"/> in each of these mailboxes that has one.</summary>
    Task<IReadOnlyDictionary<string, string>> FindAsync(string displayName, IReadOnlyCollection<string> mailboxIds, CancellationToken cancellationToken);

    /// <summary>Keeps each mailbox's id of the folder named <paramref name="displayName"/>, replacing any kept before.</summary>
    Task SaveAsync(string displayName, IReadOnlyDictionary<string, string> folderIdsByMailbox, CancellationToken cancellationToken);

    /// <summary>Forgets a folder found deleted, so that the next job makes it again; nothing when none is kept.</summary>
    Task ForgetAsync(string displayName, string mailboxId, CancellationToken cancellationToken);
}
