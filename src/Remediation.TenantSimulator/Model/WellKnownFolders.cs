namespace Remediation.TenantSimulator;

/// <summary>The well-known folder names Graph accepts in place of a folder id.</summary>
public static class WellKnownFolders
{
    public const string Inbox = "inbox";
    public const string JunkEmail = "junkemail";
    public const string DeletedItems = "deleteditems";
    public const string RecoverableItemsDeletions = "recoverableitemsdeletions";
    public const string Archive = "archive";
    public const string Drafts = "drafts";
    public const string SentItems = "sentitems";
    public const string Outbox = "outbox";

    internal static readonly IReadOnlyList<(string Name, string DisplayName)> All =
    [
        (Inbox, "Inbox"),
        (JunkEmail, "Junk Email"),
        (DeletedItems, "Deleted Items"),
        (RecoverableItemsDeletions, "Deletions"),
        (Archive, "Archive"),
        (Drafts, "Drafts"),
        (SentItems, "Sent Items"),
        (Outbox, "Outbox"),
    ];
}
