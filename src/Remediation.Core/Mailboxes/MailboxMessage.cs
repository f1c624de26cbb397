using MimeKit;

namespace Remediation.Core.Mailboxes;

/// <summary>A message as the store holds it: where it is, plus its parsed MIME.</summary>
public sealed record MailboxMessage(
    string MailboxId,
    string MessageId,
    string? InternetMessageId,
    string ParentFolderId,
    bool IsDraft,
    DateTimeOffset? ReceivedAt,
    MimeMessage Mime)
{
    // RFC 5322 caps a header line at 998 characters; a longer Message-ID is the sender's invention and would not fit
    // the stores' properties, a Graph filter or a queue message.
    private const int MaxInternetMessageIdLength = 998;

    /// <summary>Exchange's message class (<c>IPM.Note</c>, <c>IPM.Schedule.Meeting.Request</c>, …) when the store said.</summary>
    public string? ItemClass { get; init; }

    /// <summary>
    /// A Teams chat message Exchange keeps in the mailbox: listed with mail, yet not mail, and without a MIME form
    /// (<see cref="Mime"/> is empty).
    /// </summary>
    public bool IsTeamsChat => ItemClass?.StartsWith("IPM.SkypeTeams.", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>The Message-ID the store reports, or null when it is too long to be a real one.</summary>
    public static string? Usable(string? internetMessageId) =>
        internetMessageId is { Length: > 0 and <= MaxInternetMessageIdLength } ? internetMessageId : null;
}
