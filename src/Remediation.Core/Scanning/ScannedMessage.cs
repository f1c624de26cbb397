using MimeKit;

namespace Remediation.Core.Scanning;

/// <summary>A parsed message with what rules commonly need, extracted once.</summary>
public sealed class ScannedMessage
{
    private readonly Lazy<IReadOnlyList<Uri>> _links;

    public ScannedMessage(MimeMessage mime)
    {
        Mime = mime;
        _links = new Lazy<IReadOnlyList<Uri>>(() => LinkExtractor.Extract(mime));
    }

    public MimeMessage Mime { get; }

    /// <summary>Every absolute http(s) link in the text and HTML bodies.</summary>
    public IReadOnlyList<Uri> Links => _links.Value;

    public IEnumerable<MailboxAddress> Senders =>
        Mime.From.Mailboxes.Concat(Mime.Sender is null ? [] : [Mime.Sender]);
}
