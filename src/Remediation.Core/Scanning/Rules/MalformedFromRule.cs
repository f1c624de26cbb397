using Remediation.Core.Scanning.Structure;

namespace Remediation.Core.Scanning.Rules;

/// <summary>
/// A From header built to show one name and hide the sender: several entries where mail clients display only the
/// first (<c>"Bank", _ &lt;x@elsewhere&gt;</c>, an unquoted comma splitting the display name), an entry with no
/// address at all, an address whose domain is no internet domain, or several From headers. No message of the SpamAssassin training ham has one; a third of modern
/// phishing does. It says the sender hides who it is, not what the message wants, so it adds to the score without
/// naming the threat. The raw header is read: a parser either rejects such a header or repairs it.
/// </summary>
public sealed class MalformedFromRule : IScanRule
{
    public const string Name = "MALFORMED_FROM";

    private const int MaxShown = 200;

    public IEnumerable<RuleHit> Evaluate(ScannedMessage message)
    {
        var headers = FromHeader.Values(message.Mime);
        if (headers.Count == 0) yield break;
        var value = headers[0];
        var shown = value.Length <= MaxShown ? value : value[..MaxShown] + "…";
        var entries = FromHeader.Entries(value);
        if (headers.Count > 1)
        {
            yield return new RuleHit(Name, 4, ThreatCategory.Clean, $"The message has {headers.Count} From headers; readers see one: {shown}.");
        }
        else if (entries.Count > 1)
        {
            yield return new RuleHit(Name, 4, ThreatCategory.Clean, $"The From header holds {entries.Count} entries where a reader sees only the first: {shown}.");
        }
        else if (entries.Count == 1 && !FromHeader.HasAddress(entries[0]))
        {
            yield return new RuleHit(Name, 4, ThreatCategory.Clean, $"The From header names no sender address: {shown}.");
        }
        else if (message.Mime.From.Mailboxes.FirstOrDefault() is { Domain: { Length: > 0 } domain } && !domain.Contains('.', StringComparison.Ordinal))
        {
            // No message of the training ham comes from a domain without a dot; 7 % of modern phishing does.
            yield return new RuleHit(Name, 4, ThreatCategory.Clean, $"The sender's address is in \"{domain}\", which is no internet domain: {shown}.");
        }
    }
}
