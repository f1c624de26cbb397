using Remediation.Core.Scanning.Lures;

namespace Remediation.Core.Scanning.Rules;

/// <summary>
/// The parcel lure, in any of the lexicon's languages: a delivery that failed or waits for a confirmation or a fee,
/// with a link. Real carriers send such notices too, from their own domains; alone it stays below the suspicious band.
/// </summary>
public sealed class DeliveryLureRule : IScanRule
{
    public const string Name = "DELIVERY_LURE";

    public IEnumerable<RuleHit> Evaluate(ScannedMessage message)
    {
        if (!LureEvidence.HasLink(message)) yield break;
        var delivery = LureLexicon.Delivery(message.FoldedSubjectAndText);
        if (delivery.Success)
        {
            yield return new RuleHit(Name, 3, ThreatCategory.Phishing, $"Says a parcel is held (\"{delivery.Value}\"), with a link.");
        }
    }
}
