namespace Remediation.Core.Mailboxes;

/// <summary>
/// What a mail client shows of a message, as the store returns it with a search at no extra request: the subject, the
/// one body it renders (the HTML alternative when there is one) and whether files are attached.
/// </summary>
/// <param name="HasAttachments">Files attached; like Graph's <c>hasAttachments</c>, inline images do not count.</param>
/// <param name="Letterhead">Its sender, reply address and subject (<see cref="Scanning.Letterhead"/>).</param>
public sealed record ShownContent(string Subject, string Body, bool BodyIsHtml, bool HasAttachments, string Letterhead = "")
{
    /// <summary>The From, Sender and Reply-To the store returned, to judge the copy as shown; null when not returned.</summary>
    public ShownSenders? Senders { get; init; }
}

/// <summary>The addresses a store returns for a message: its From (names and addresses), Sender and Reply-To.</summary>
/// <param name="Sender">The Sender address, or the first From address when the message has no Sender header, as Exchange fills it in.</param>
public sealed record ShownSenders(IReadOnlyList<(string? Name, string Address)> From, string? Sender, IReadOnlyList<string> ReplyTo)
{
    /// <summary>The addresses as the store would return them for this MIME.</summary>
    public static ShownSenders Of(MimeKit.MimeMessage message) => new(
        [.. message.From.Mailboxes.Select(m => ((string?)m.Name, m.Address))],
        (message.Sender ?? message.From.Mailboxes.FirstOrDefault())?.Address,
        [.. message.ReplyTo.Mailboxes.Select(m => m.Address)]);
}
