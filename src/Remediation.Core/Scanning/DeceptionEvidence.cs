using Remediation.Core.Scanning.Rules;

namespace Remediation.Core.Scanning;

/// <summary>
/// The rules whose evidence says what a phish is: the message speaks for someone it is not (a brand, a display name,
/// a lookalike domain) or asks for what a phish takes (credentials, a wallet, a payment, a fee for a parcel, a ransom).
/// Bulk mail does neither, so once a message is flagged, any of this evidence names it phishing however loudly the
/// spam evidence speaks (see <see cref="ScanEngine"/>). Weaker hints that phishing and spam share (a bare IP link,
/// free hosting, a diverted reply) are not listed: they name the threat only by outweighing the rest.
/// </summary>
public static class DeceptionEvidence
{
    public static IReadOnlySet<string> Rules { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        BrandImpersonationRule.Name, DisplayNameImpersonationRule.Name, LookalikeSenderDomainRule.Name,
        LookalikeLinkDomainRule.Name, CredentialLureRule.Name, CryptoLureRule.Name, PaymentLureRule.Name,
        PaymentFraudRule.Name, DeliveryLureRule.Name, HtmlLoginFormAttachmentRule.Name, AdvanceFeeFraudRule.Name,
        ExtortionRule.Name, FakeExchangeLoginRule.Name, FakeSafetyBannerRule.Name, LegalThreatLureRule.Name,
        // Only as phishing: a prize for a survey (the reward scam), not a casino's free spins.
        PrizeLureRule.Name,
    };

    /// <summary>True when a hit among them says the message deceives: a listed rule, fired with weight, as phishing.</summary>
    public static bool In(IEnumerable<RuleHit> hits) =>
        hits.Any(h => h.Category == ThreatCategory.Phishing && h.Weight > 0 && Rules.Contains(h.Rule));
}
