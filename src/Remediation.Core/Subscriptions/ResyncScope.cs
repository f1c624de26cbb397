namespace Remediation.Core.Subscriptions;

/// <summary>Which folders and mailboxes a resync reads.</summary>
public static class ResyncScope
{
    /// <summary>
    /// Every folder but the pipeline's own quarantine: appended mail can land in any folder, user-made and nested ones
    /// included. Drafts, Sent Items and Outbox are read too; authorship rules keep the user's own mail from counting
    /// as evidence of a compromise. The quarantine is hidden, so Graph does not list it, unless an earlier deployment
    /// made it visible; what it holds was scanned before it was moved there. It is known by the id the pipeline kept,
    /// never by its name: an appender can make a visible folder of that name over IMAP and fill it.
    /// </summary>
    public static bool Covers(ListedFolder folder, string? quarantineFolderId) => folder.Id != quarantineFolderId;

    /// <summary>
    /// Whether the reconciliation resyncs a registered mailbox: its subscription is live (an expired one is out of
    /// scope, or its renewal failed and the recreation resyncs it) and the registry keys it by object id (rows an
    /// earlier version keyed by user principal name would scan the same mail again under another name).
    /// </summary>
    public static bool Reconciles(MailboxSubscription subscription, DateTimeOffset now) =>
        subscription.ExpiresAt > now && Guid.TryParse(subscription.MailboxId, out _);
}
