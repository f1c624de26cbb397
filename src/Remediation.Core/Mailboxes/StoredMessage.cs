namespace Remediation.Core.Mailboxes;

/// <summary>
/// A message as the store returns it: where it is, and its MIME content as bytes, unparsed. Parsing is the scan's
/// (<see cref="MailboxMessage.Load"/>), within the tenant's limits.
/// </summary>
/// <param name="Content">The MIME content, at most the bytes asked for.</param>
public sealed record StoredMessage(
    string MailboxId,
    string MessageId,
    string? InternetMessageId,
    string ParentFolderId,
    bool IsDraft,
    DateTimeOffset? ReceivedAt,
    ReadOnlyMemory<byte> Content)
{
    /// <summary>
    /// When the store created the item. Delivery, an IMAP append and a migration all create it at the present time,
    /// whatever arrival date (<see cref="ReceivedAt"/>) they give it: a migration keeps the mail's original one.
    /// </summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>The store held more than the bytes asked for; the rest was never read.</summary>
    public bool ContentCut { get; init; }

    /// <summary>Exchange's message class (<c>IPM.Note</c>, <c>IPM.Schedule.Meeting.Request</c>, …) when the store said.</summary>
    public string? ItemClass { get; init; }

    /// <summary>
    /// A Teams chat message Exchange keeps in the mailbox: listed with mail, yet not mail, and without a MIME form
    /// (<see cref="Content"/> is empty).
    /// </summary>
    public bool IsTeamsChat => IsTeamsChatClass(ItemClass);

    /// <summary>Whether Exchange's message class is a Teams chat item's.</summary>
    public static bool IsTeamsChatClass(string? itemClass) => itemClass?.StartsWith("IPM.SkypeTeams.", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>
    /// Whether Exchange's message class is a meeting request's, which the Calendar Attendant pairs with a tentative
    /// entry in the attendee's calendar.
    /// </summary>
    public static bool IsMeetingRequestClass(string? itemClass) => itemClass?.StartsWith("IPM.Schedule.Meeting.Request", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>Reads at most <paramref name="maxBytes"/> of a content stream; a longer one is cut, and says so.</summary>
    public static async Task<(ReadOnlyMemory<byte> Content, bool Cut)> ReadContentAsync(Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            var room = maxBytes - buffer.Length;
            if (read > room)
            {
                buffer.Write(chunk, 0, (int)room);
                return (buffer.GetBuffer().AsMemory(0, (int)buffer.Length), true);
            }
            buffer.Write(chunk, 0, read);
        }
        return (buffer.GetBuffer().AsMemory(0, (int)buffer.Length), false);
    }
}
