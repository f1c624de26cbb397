namespace Remediation.Core.Scanning.Rules;

/// <summary>From and the only recipient are the same address, as appending tools write it (and as notes to self do).</summary>
public sealed class SenderIsSoleRecipientRule : IScanRule
{
    public const string Name = "SENDER_IS_SOLE_RECIPIENT";

    public IEnumerable<RuleHit> Evaluate(ScannedMessage message)
    {
        var recipients = message.Mime.To.Mailboxes.Concat(message.Mime.Cc.Mailboxes).Select(m => m.Address).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var from = message.Mime.From.Mailboxes.FirstOrDefault()?.Address;
        if (from is not null && recipients.Count == 1 && string.Equals(recipients[0], from, StringComparison.OrdinalIgnoreCase))
        {
            yield return new RuleHit(Name, 1, ThreatCategory.Clean, $"Sent from {from} to {from} alone.");
        }
    }
}
