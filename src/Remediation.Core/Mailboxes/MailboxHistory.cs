namespace Remediation.Core.Mailboxes;

/// <summary>
/// Mail a migration or an import brings with a mailbox: whoever placed it dated its arrival well before the store
/// created it. The Email Appender places its mail at the present time, or it would sink below the user's newest.
/// </summary>
public static class MailboxHistory
{
    /// <summary>Dated this long before the store created it, an item came with the mailbox's history.</summary>
    public static readonly TimeSpan Age = TimeSpan.FromHours(1);

    /// <summary>Whether the dates say history; unknown dates say nothing.</summary>
    public static bool Holds(DateTimeOffset? receivedAt, DateTimeOffset? createdAt) =>
        receivedAt is { } received && createdAt is { } created && created - received > Age;
}
