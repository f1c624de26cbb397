namespace Remediation.Core.Mailboxes;

/// <summary>
/// Where a message sits and who wrote it, as the store says: Graph gives only an opaque folder id, so the
/// well-known folders are looked up per mailbox (the gateway caches them).
/// </summary>
public sealed class MessageAuthorship(IMailboxGateway mailboxes)
{
    // Where a user's own mail lives while written, sent and kept: none of it passed inbound transport.
    private static readonly string[] OwnFolders = [WellKnownFolders.Drafts, WellKnownFolders.Outbox, WellKnownFolders.SentItems];

    /// <summary>The folder's well-known name when it is one of <paramref name="names"/>, else null.</summary>
    public async Task<string?> FolderNameAsync(MailboxMessage message, IEnumerable<string> names, CancellationToken cancellationToken)
    {
        foreach (var name in names)
        {
            if (message.ParentFolderId == await mailboxes.GetFolderIdAsync(message.MailboxId, name, cancellationToken)) return name;
        }
        return null;
    }

    /// <summary>
    /// The mailbox's user wrote it: it sits in Drafts, the Outbox or Sent Items, or its From is one of the user's
    /// addresses. Such mail says nothing about who else holds the user's password.
    /// </summary>
    public async Task<bool> IsOwnAsync(MailboxMessage message, CancellationToken cancellationToken)
    {
        if (await FolderNameAsync(message, OwnFolders, cancellationToken) is not null) return true;
        var owner = await mailboxes.GetMailboxAddressesAsync(message.MailboxId, cancellationToken);
        return message.Mime.From.Mailboxes.Any(from => owner.Contains(from.Address.ToLowerInvariant()));
    }
}
