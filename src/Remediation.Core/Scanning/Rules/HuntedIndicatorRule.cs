using Remediation.Core.Hunting;

namespace Remediation.Core.Scanning.Rules;

/// <summary>
/// A hunt re-judges the message and it carries what the SOC named as bad after delivery. As with the tenant's own
/// block lists, a person decided: it acts alone. Content indicators (a link's domain, an attachment, the fingerprint)
/// speak for every copy of the content; a sender indicator only for this message.
/// </summary>
public sealed class HuntedIndicatorRule : IScanRule
{
    public const string Name = "HUNTED_CONTENT";
    public const string SenderName = "HUNTED_SENDER";
    private const double Weight = 20;

    public IEnumerable<RuleHit> Evaluate(ScannedMessage message)
    {
        if (message.Input.Hunted is not { } indicator) yield break;
        var found = indicator.Kind switch
        {
            IndicatorKind.UrlDomain => message.Links.FirstOrDefault(link => indicator.NamesHost(link.IdnHost))?.Host,
            IndicatorKind.Sender => message.Senders.FirstOrDefault(sender => indicator.NamesSender(sender.Address))?.Address,
            IndicatorKind.AttachmentSha256 => message.Attachments.FirstOrDefault(a => a.Sha256.Equals(indicator.Value, StringComparison.OrdinalIgnoreCase))?.FileName,
            IndicatorKind.Fingerprint => MessageFingerprint.Of(message).Id.Equals(indicator.Value, StringComparison.OrdinalIgnoreCase) ? indicator.Value : null,
            _ => null,
        };
        if (found is null) yield break;
        var category = indicator.Kind == IndicatorKind.AttachmentSha256 ? ThreatCategory.Malware : ThreatCategory.Phishing;
        yield return new RuleHit(indicator.IsContent ? Name : SenderName, Weight, category, $"Matches what a hunt looks for ({indicator}): {found}.");
    }
}
