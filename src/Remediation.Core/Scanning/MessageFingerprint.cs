using System.Security.Cryptography;
using System.Text;

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
        var id = Hash($"{bodyHash}|{string.Join(',', hosts)}|{string.Join(',', attachments)}")[..32];
        return new MessageFingerprint(id, bodyHash, hosts, attachments, normalised.Count(char.IsLetter), Hash(Normalise(message.Subject)));
    }

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
        foreach (var word in text.Split((char[])[' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (word.Contains('@', StringComparison.Ordinal) || word.Contains("://", StringComparison.Ordinal) || word.StartsWith("www.", StringComparison.OrdinalIgnoreCase)) continue;
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
