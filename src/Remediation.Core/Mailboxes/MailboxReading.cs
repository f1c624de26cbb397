using Remediation.Core.Scanning;

namespace Remediation.Core.Mailboxes;

public static class MailboxReading
{
    /// <summary>
    /// Reads a message and parses it within the tenant's scan limits: the store returns bytes, and only the scan's
    /// limits decide how many are read and how deep they are parsed. Null when the message no longer exists.
    /// </summary>
    public static async Task<MailboxMessage?> ReadMessageAsync(this IMailboxGateway mailboxes, string mailboxId, string messageId, ScanLimits limits, CancellationToken cancellationToken) =>
        await mailboxes.GetMessageAsync(mailboxId, messageId, limits.MaxMessageBytes, cancellationToken) is { } stored
            ? MailboxMessage.Load(stored, limits)
            : null;

    /// <summary>A message's MIME content alone, parsed within the scan limits; null when the message no longer exists.</summary>
    public static async Task<LoadedMime?> ReadMimeAsync(this IMailboxGateway mailboxes, string mailboxId, string messageId, ScanLimits limits, CancellationToken cancellationToken) =>
        await mailboxes.GetContentAsync(mailboxId, messageId, limits.MaxMessageBytes, cancellationToken) is { } stored
            ? MimeLoader.Load(stored.Content, stored.Cut, limits)
            : null;
}
