namespace Remediation.Core.Mailboxes;

/// <summary>
/// Mail a migration or an import brings with a mailbox: whoever placed it dated its arrival well before the store
/// created it. The arrival date is the appender's to choose, so the age is a day: a lure dated further back sinks below
/// a day of the user's mail, where it is no use to the appender, while a migration's newer mail carries the Received
/// chain of the system that handled it, which spares the account on its own.
/// </summary>
public static class MailboxHistory
{
    /// <summary>Dated this long before the store created it, an item came with the mailbox's history.</summary>
    public static readonly TimeSpan Age = TimeSpan.FromDays(1);

    /// <summary>Whether the dates say history; unknown dates say nothing.</summary>
    public static bool Holds(DateTimeOffset? receivedAt, DateTimeOffset? createdAt) =>
        receivedAt is { } received && createdAt is { } created && created - received > Age;
}
