using Microsoft.Extensions.Options;
using Remediation.Core.Scanning.Domains;

namespace Remediation.Core.Scanning.Rules;

/// <summary>The tenant named the sender's domain as bad.</summary>
public sealed class BlockedSenderDomainRule(IOptions<DetectionOptions> options) : IScanRule
{
    public const string Name = "BLOCKED_SENDER_DOMAIN";
    private readonly DomainList _blocked = new(options.Value.BlockedSenderDomains);

    public IEnumerable<RuleHit> Evaluate(ScannedMessage message)
    {
        var hit = message.Senders
            .Select(sender => (sender.Address, Domain: _blocked.Match(sender.Domain)))
            .FirstOrDefault(s => s.Domain is not null);
        if (hit.Domain is not null)
        {
            yield return new RuleHit(Name, 10, ThreatCategory.Phishing, $"Sender {hit.Address} is in the blocked domain {hit.Domain}.");
        }
    }
}
