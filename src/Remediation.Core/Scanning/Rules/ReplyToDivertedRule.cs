using Remediation.Core.Scanning.Domains;

namespace Remediation.Core.Scanning.Rules;

/// <summary>
/// Replies go to another organisation than the sender's, in the combinations that matter: the sender claims a
/// protected domain (a spoofed colleague), or a freemail mailbox collects replies for an organisation's address.
/// Reply-To elsewhere alone is ordinary (mailing lists: 19 % of easy ham) and scores nothing.
/// </summary>
public sealed class ReplyToDivertedRule(ProtectedIdentities identities) : IScanRule
{
    public const string Name = "REPLY_TO_DIVERTED";

    public IEnumerable<RuleHit> Evaluate(ScannedMessage message)
    {
        var from = message.Mime.From.Mailboxes.FirstOrDefault();
        var replyTo = message.Mime.ReplyTo.Mailboxes.FirstOrDefault();
        if (from is null || replyTo is null || string.IsNullOrEmpty(from.Domain) || string.IsNullOrEmpty(replyTo.Domain)) yield break;
        if (RegistrableDomain.Of(from.Domain) == RegistrableDomain.Of(replyTo.Domain) || identities.IsLegitimate(replyTo.Domain)) yield break;

        if (identities.IsLegitimate(from.Domain))
        {
            yield return new RuleHit(Name, 5, ThreatCategory.Phishing, $"From claims {from.Address} but replies go to {replyTo.Address}.");
        }
        else if (FreemailDomains.CollectsRepliesFor(from, replyTo))
        {
            yield return new RuleHit(Name, 2, ThreatCategory.Phishing, $"From {from.Address} but replies go to the freemail address {replyTo.Address}.");
        }
    }
}
