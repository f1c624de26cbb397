namespace Remediation.Core.Scanning.Rules;

/// <summary>
/// The subject names the recipient by address ("alice@contoso.example, your mailbox is full"): mass mail made to look
/// personal from nothing but the address it was sent to. Services that know their users call them by name. A calendar
/// invitation's "(alice@contoso.example)" at the end of its subject, and a mailing list named in its own subject, are
/// ordinary and left out.
/// </summary>
public sealed class RecipientInSubjectRule : IScanRule
{
    public const string Name = "RECIPIENT_IN_SUBJECT";

    public IEnumerable<RuleHit> Evaluate(ScannedMessage message)
    {
        if (message.Mime.Headers.Contains("List-Id")) yield break;
        var subject = message.Subject.Trim();
        var named = message.Mime.To.Mailboxes.Select(m => m.Address).FirstOrDefault(address => address.Contains('@', StringComparison.Ordinal)
            && subject.Contains(address, StringComparison.OrdinalIgnoreCase)
            && !subject.EndsWith($"({address})", StringComparison.OrdinalIgnoreCase));
        if (named is not null) yield return new RuleHit(Name, 2, ThreatCategory.Clean, $"The subject names the recipient by address ({named}).");
    }
}
