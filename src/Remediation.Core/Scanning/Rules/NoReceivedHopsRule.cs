using MimeKit;

namespace Remediation.Core.Scanning.Rules;

/// <summary>No server ever handled the message. Common in legitimate mail too (3 % of easy ham), so it weighs little.</summary>
public sealed class NoReceivedHopsRule : IScanRule
{
    public const string Name = "NO_RECEIVED_HOPS";

    public const double Weight = 0.5;

    public IEnumerable<RuleHit> Evaluate(ScannedMessage message)
    {
        if (!message.Mime.Headers.Contains(HeaderId.Received))
        {
            yield return new RuleHit(Name, Weight, ThreatCategory.Clean, "No Received header: no mail server handled it.");
        }
    }
}
