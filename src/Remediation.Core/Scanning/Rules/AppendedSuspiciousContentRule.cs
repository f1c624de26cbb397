using System.Globalization;
using Remediation.Core.Mailboxes;
using Remediation.Core.Scanning.Provenance;

namespace Remediation.Core.Scanning.Rules;

/// <summary>
/// Placed into the mailbox without transport, lately, with more evidence apart from how it arrived than the suspicious
/// band needs: what an Email Appender's mail looks like, whose content is all there is to judge (no transport filter
/// saw it). It weighs with the bypass so that such mail reaches the malicious band. A lone brand claim (5 points) is
/// not enough, as mail from a brand's unlisted domain makes one; nor is the mailbox's history a migration brings
/// (<see cref="MailboxHistory"/>).
/// </summary>
/// <remarks>
/// A combination of other rules' evidence, so the engine asks it once they have all spoken. Its points are arrival
/// evidence (<see cref="ArrivalEvidence"/>): a verdict that needs them is about its copy alone.
/// </remarks>
public static class AppendedSuspiciousContentRule
{
    public const string Name = "APPENDED_SUSPICIOUS_CONTENT";

    /// <summary>With the bypass's 2, lifts any evidence over the suspicious band's 5 to the malicious band's 10 (the default bands).</summary>
    public const double Weight = 3;

    /// <param name="evidence">The points of every other rule but the arrival rules.</param>
    /// <returns>The hit, only where it moves the verdict: evidence already malicious needs no lift.</returns>
    public static RuleHit? Evaluate(ScannedMessage message, double evidence, double suspiciousThreshold, double maliciousThreshold)
    {
        if (message.Provenance.Path != TransportPath.Bypassed || !(evidence > suspiciousThreshold) || evidence >= maliciousThreshold
            || MailboxHistory.Holds(message.Input.ReceivedAt, message.Input.CreatedAt)) return null;
        return new RuleHit(Name, Weight, ThreatCategory.Clean, string.Create(CultureInfo.InvariantCulture,
            $"Placed without transport with {evidence:0.##} points of evidence apart from how it arrived, over the suspicious band's {suspiciousThreshold:0.##}: content is all an appended message is judged on."));
    }
}
