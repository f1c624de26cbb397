namespace Remediation.Core.Mailboxes;

/// <summary>Graph's well-known mail folder names the pipeline uses.</summary>
public static class WellKnownFolders
{
    public const string Inbox = "inbox";
    public const string JunkEmail = "junkemail";
    public const string DeletedItems = "deleteditems";
    public const string Drafts = "drafts";
    public const string SentItems = "sentitems";
    public const string Outbox = "outbox";
}
