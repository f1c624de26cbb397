using Remediation.Core.Scanning.Lures;

namespace Remediation.Core.Scanning.Rules;

/// <summary>
/// The language of credential phishing, in any of the lexicon's languages: an account or password matter, made
/// urgent, with a link to act on.
/// </summary>
public sealed class CredentialLureRule : IScanRule
{
    public const string Name = "CREDENTIAL_LURE";

    public IEnumerable<RuleHit> Evaluate(ScannedMessage message)
    {
        if (!LureEvidence.HasLink(message)) yield break;
        var text = message.FoldedSubjectAndText;
        var account = LureLexicon.Account(text);
        if (!account.Success) yield break;
        // Services ask to confirm an address or review a sign-in every day; the threat of losing the account is the lure.
        var urgency = message.Urgency;
        if (urgency.Success)
        {
            yield return new RuleHit(Name, 4, ThreatCategory.Phishing, $"Asks to act on an account (\"{account.Value}\") under pressure (\"{urgency.Value}\"), with a link.");
        }
    }
}
