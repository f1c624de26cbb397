namespace Remediation.Core.Scanning.Rules;

/// <summary>
/// This tenant's transport checked the domain the From header names, and the check failed: someone else sent the
/// message in that domain's name. Mailing lists and forwarders that rewrite mail fail it too, so it only adds to
/// other evidence, as the missing transport does on appended mail.
/// </summary>
public sealed class SpoofedSenderRule : IScanRule
{
    public const string Name = "SPOOFED_SENDER";

    public IEnumerable<RuleHit> Evaluate(ScannedMessage message)
    {
        if (message.Provenance.SenderSpoofed)
        {
            var from = string.Join(", ", message.Mime.From.Mailboxes.Select(m => m.Domain).Distinct(StringComparer.OrdinalIgnoreCase));
            yield return new RuleHit(Name, 2, ThreatCategory.Clean,
                $"This tenant's transport found the sender's domain{(from.Length > 0 ? $" ({from})" : "")} did not send it: {message.Provenance.SenderEvidence}.");
        }
    }
}
