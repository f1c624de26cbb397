using Remediation.Core.Scanning.Domains;

namespace Remediation.Core.Scanning.Rules;

/// <summary>The sender's domain imitates a protected one (small edits, look-alike letters) or mixes scripts.</summary>
public sealed class LookalikeSenderDomainRule(ProtectedIdentities identities) : IScanRule
{
    public const string Name = "LOOKALIKE_SENDER_DOMAIN";

    public IEnumerable<RuleHit> Evaluate(ScannedMessage message)
    {
        foreach (var sender in message.Senders)
        {
            if (identities.DomainImitatedBy(sender.Domain) is { } imitated)
            {
                yield return new RuleHit(Name, 6, ThreatCategory.Phishing, $"Sender domain {sender.Domain} imitates {imitated}.");
                yield break;
            }
            // MimeKit may hand the domain over decoded already; either way the Unicode form shows the scripts.
            var unicode = Lookalike.ToUnicode(sender.Domain);
            if (Lookalike.HasMixedScripts(RegistrableDomain.LabelOf(unicode)))
            {
                yield return new RuleHit(Name, 4, ThreatCategory.Phishing, $"Sender domain {sender.Domain} ({unicode}) mixes alphabets.");
                yield break;
            }
        }
    }
}
