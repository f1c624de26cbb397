using Remediation.Core.Scanning.Lures;

namespace Remediation.Core.Scanning.Rules;

/// <summary>
/// The language of credential phishing, in any of the lexicon's languages: an account or password matter, made
/// urgent, with a link to act on.
/// </summary>
public sealed class CredentialLureRule : IScanRule
{
    public const string Name = "CREDENTIAL_LURE";

    public IEnumerable<RuleHit> Evaluate(ScannedMessage message) =>
        // Services ask to confirm an address or review a sign-in every day; the threat of losing the account is the lure.
        LureEvidence.Weigh(message, LureLexicon.Account, Name, ThreatCategory.Phishing, pressed: 4, unpressed: null, "Asks to act on an account");
}
