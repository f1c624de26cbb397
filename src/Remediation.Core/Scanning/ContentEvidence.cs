using Remediation.Core.Scanning.Rules;

namespace Remediation.Core.Scanning;

/// <summary>
/// The rules that judge only what a fingerprint covers: the body text, the subject, the links and the attachments.
/// Campaign memory brands every message sharing a fingerprint, so a fingerprint stands for a campaign only when this
/// evidence alone made it malicious. Evidence a sender writes around the content (headers, provenance, the folder)
/// would let anyone give a harmless body (a newsletter, a meeting reply) a bad name. A rule whose evidence the
/// fingerprint does not hold (hidden markup, invisible characters, who sends it) stays out. A new rule counts here
/// only when added.
/// </summary>
public static class ContentEvidence
{
    public static IReadOnlySet<string> Rules { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        BlockedUrlDomainRule.Name, LinkTextMismatchRule.Name, IpAddressLinkRule.Name, DataUriLinkRule.Name,
        FileUrlLinkRule.Name, UrlShortenerRule.Name, LookalikeLinkDomainRule.Name, CredentialLureRule.Name,
        EicarTestFileRule.Name, BlockedAttachmentHashRule.Name, ExecutableAttachmentRule.Name, DoubleExtensionRule.Name,
        ArchiveWithExecutableRule.Name, EncryptedArchiveRule.Name, LockedPdfWithPasswordRule.Name, OfficeMacroRule.Name,
        HtmlSmugglingRule.Name, HtmlLoginFormAttachmentRule.Name, AdvanceFeeFraudRule.Name, SpamDisclaimerRule.Name,
        HuntedIndicatorRule.Name,
        // The words of the body and subject, and somewhere to go; a lure's extra weight for a personal mailbox is not content.
        PaymentLureRule.Name, DeliveryLureRule.Name, PrizeLureRule.Name, CryptoLureRule.Name, SpamOfferRule.Name,
        PaymentFraudRule.Name, ExtortionRule.Name, FakeExchangeLoginRule.Name, CrimewareOfferRule.Name,
        // The part of its points the words of the body and subject give; what its structure block adds is the sender's.
        SpamClassifierRule.Name,
    };

    public static double WeightOf(IEnumerable<RuleHit> hits) => hits.Where(h => Rules.Contains(h.Rule)).Sum(h => h.Weight - h.WeightAroundContent);
}
