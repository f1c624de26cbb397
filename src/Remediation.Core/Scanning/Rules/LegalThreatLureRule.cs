using Remediation.Core.Scanning.Domains;
using Remediation.Core.Scanning.Lures;

namespace Remediation.Core.Scanning.Rules;

/// <summary>
/// The summons lure, in any of the lexicon's languages: a court hearing, a warrant, a police complaint or a case
/// "against you", with a link or a file to open. Fear makes the reader open it. Courts and police serve notices by
/// post or on their own portals, and what they mail comes from a government's domain; from any other sender the
/// notice is a pretext, and a pretext of authority: phishing.
/// </summary>
/// <remarks>
/// Who sends it decides, so the evidence is not the content's alone and keys no campaign. A sender that writes a
/// government's domain into From silences this rule only: the mail is still judged on all the rest.
/// </remarks>
public sealed class LegalThreatLureRule : IScanRule
{
    public const string Name = "LEGAL_THREAT_LURE";

    private const double Weight = 6;

    public IEnumerable<RuleHit> Evaluate(ScannedMessage message)
    {
        if (!LureEvidence.HasLink(message) && message.Attachments.Count == 0) yield break;
        var senders = message.Senders.ToList();
        if (senders.Count > 0 && senders.All(s => GovernmentDomains.Contains(s.Domain))) yield break;
        var words = LureLexicon.Legal(message.FoldedWording);
        if (!words.Success) yield break;
        var from = senders.Count == 0 ? "without a sender" : $"from {senders[0].Domain}";
        yield return new RuleHit(Name, Weight, ThreatCategory.Phishing,
            $"Serves a court or police notice (\"{words.Value}\") with a link or a file, {from}: courts and police mail from a government's domain.");
    }
}
