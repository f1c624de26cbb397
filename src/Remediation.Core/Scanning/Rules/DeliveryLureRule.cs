using Remediation.Core.Scanning.Lures;

namespace Remediation.Core.Scanning.Rules;

/// <summary>
/// The parcel lure, in any of the lexicon's languages: a delivery that failed or waits for a confirmation or a fee,
/// with a link, weighing more under pressure like the other lures. Real carriers send such notices too, from their own
/// domains; alone it stays below the suspicious band.
/// </summary>
public sealed class DeliveryLureRule : IScanRule
{
    public const string Name = "DELIVERY_LURE";

    public IEnumerable<RuleHit> Evaluate(ScannedMessage message) =>
        LureEvidence.Weigh(message, LureLexicon.Delivery, Name, ThreatCategory.Phishing, pressed: 4, unpressed: 3, "Says a parcel is held");
}
