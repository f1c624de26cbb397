using System.Security.Cryptography;
using System.Text;
using Remediation.Core.Scanning.Content;

namespace Remediation.Core.Scanning;

/// <summary>
/// What the copies of one campaign share even when each has its own Message-ID, recipient and greeting: the body
/// text with the variable bits taken out, the set of hosts it links to, and its attachments' hashes.
/// </summary>
/// <param name="Id">A short hash over the three, to index and to put on the SOC's allowlist.</param>
/// <param name="BodyHash">SHA-256 of the normalised body text (lower case, no numbers, addresses, URLs or punctuation).</param>
/// <param name="UrlHosts">The hosts the message links to, lower case, sorted.</param>
/// <param name="AttachmentSha256">The attachments' SHA-256, sorted.</param>
/// <param name="TextLetters">How many letters the normalised body text holds.</param>
/// <param name="SubjectHash">SHA-256 of the normalised subject.</param>
public sealed record MessageFingerprint(string Id, string BodyHash, IReadOnlyList<string> UrlHosts, IReadOnlyList<string> AttachmentSha256, int TextLetters, string SubjectHash)
{
    // About a dozen words. Below it, bodies collide across unrelated mail: every meeting reply with an empty body,
    // every one-time code and every image-only message would otherwise share one fingerprint.
    private const int CampaignTextLetters = 60;

    /// <summary>
    /// Whether the message carries enough of its own to stand for a campaign: enough text, or a link, or an
    /// attachment. Others are judged and remediated one by one, never by campaign memory or the copy sweep.
    /// </summary>
    public bool CanStandForCampaign => TextLetters >= CampaignTextLetters || UrlHosts.Count > 0 || AttachmentSha256.Count > 0;

    public static MessageFingerprint Of(ScannedMessage message)
    {
        var normalised = Normalise(message.Text);
        var bodyHash = Hash(normalised);
        var hosts = message.Links.Select(l => l.IdnHost.ToLowerInvariant()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var attachments = message.Attachments.Select(a => a.Sha256).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var id = Hash($"{bodyHash}|{string.Join(',', hosts)}|{string.Join(',', attachments)}{Beyond(message)}")[..32];
        return new MessageFingerprint(id, bodyHash, hosts, attachments, normalised.Count(char.IsLetter), Hash(Normalise(message.Subject)));
    }

    // What content rules weigh beyond the words, the web hosts and the files' bytes: links that open no web page
    // (file:, data:, javascript:, mailto:), the hosts a link's text shows, and the files' names. Were they left out, a copy of a
    // real message with one invisible file:// link or a file renamed to .exe would share the real message's
    // fingerprint, and its verdict would reach every real copy. Only present when there is something, so the
    // fingerprints of other mail stay what they were.
    private static string Beyond(ScannedMessage message)
    {
        var targets = message.Anchors.Select(a => a.Href).Append(message.RemoteFileUrlInText).Select(OtherTarget)
            .Concat(message.Anchors.Select(a => Rules.LinkTextMismatchRule.ShownHost(a.Text)).Select(h => h is null ? null : $"shows:{h}"))
            .OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var names = message.Attachments.Select(a => NameShape(a.FileName)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return targets.Count == 0 && names.Count == 0 ? "" : $"|{string.Join(',', targets)}|{string.Join(',', names)}";
    }

    // A link's scheme and host when it opens something other than a web page or a call: "file:198.51.100.5",
    // "mailto:elsewhere.example" (a lure counts it as somewhere to send the reader).
    private static string? OtherTarget(string? href)
    {
        if (href is null) return null;
        var text = href.AsSpan().TrimStart();
        var colon = text[..Math.Min(text.Length, MaxSchemeLength + 1)].IndexOf(':');
        if (colon <= 0 || text[..colon].ContainsAnyExcept(SchemeLetters)) return null;
        var scheme = text[..colon].ToString().ToLowerInvariant();
        if (scheme is "http" or "https" or "tel" or "sms" or "cid") return null;
        var rest = text[(colon + 1)..].TrimStart("/\\");
        var end = rest.IndexOfAny("/\\?#;,!");
        var host = end < 0 ? rest : rest[..end];
        // A mailbox's own part may carry the recipient ("unsubscribe+4471@"); its domain is what every copy shares.
        if (scheme == "mailto") host = host[(host.LastIndexOf('@') + 1)..];
        return $"{scheme}:{host[..Math.Min(host.Length, Domains.RegistrableDomain.MaxHostLength)].ToString().ToLowerInvariant()}";
    }

    // A URI scheme is a short word; a host longer than DNS allows is cut where DNS would.
    private const int MaxSchemeLength = 32;
    private static readonly System.Buffers.SearchValues<char> SchemeLetters = System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");

    // A file's name without the numbers that vary per recipient: "Invoice_4471.pdf" and "Invoice_9012.pdf" are one
    // name, "invoice.pdf.exe" another.
    private static string NameShape(string fileName) => new([.. fileName.ToLowerInvariant().Where(c => char.IsLetter(c) || c == '.')]);

    /// <summary>
    /// What campaign memory and the copy sweep know a campaign by: the fingerprint and the subject. Content rules read
    /// the subject too, so a real message's body under a lure's subject must not stand for the real message.
    /// </summary>
    public string CampaignId => Hash($"{Id}|{SubjectHash}")[..32];

    /// <summary>
    /// The campaign id of a malicious message that cannot stand for a campaign: its own copies (one Message-ID, one
    /// content) share it, nothing else does.
    /// </summary>
    public string SingleMessageKey(string? internetMessageId, string mailboxId, string messageId) =>
        "m" + Hash($"{Id}|{internetMessageId ?? $"{mailboxId}/{messageId}"}")[..31];

    // Personalisation lives in numbers, addresses and links; words and their order are the campaign's.
    internal static string Normalise(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        var span = text.AsSpan();
        foreach (var range in span.SplitAny(" \t\r\n"))
        {
            var word = span[range];
            if (word.IsEmpty || word.Contains('@') || word.Contains("://", StringComparison.Ordinal) || word.StartsWith("www.", StringComparison.OrdinalIgnoreCase)) continue;
            foreach (var c in word)
            {
                if (!char.IsLetter(c)) continue;
                if (pendingSpace) builder.Append(' ');
                pendingSpace = false;
                builder.Append(char.ToLowerInvariant(c));
            }
            pendingSpace = builder.Length > 0;
        }
        return builder.ToString();
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
