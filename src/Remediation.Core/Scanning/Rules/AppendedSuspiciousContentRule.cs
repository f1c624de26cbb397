using System.Globalization;
using Remediation.Core.Scanning.Provenance;

namespace Remediation.Core.Scanning.Rules;

/// <summary>
/// Placed into the mailbox without transport, lately, with more evidence apart from how it arrived than the suspicious
/// band needs: what an Email Appender's mail looks like, whose content is all there is to judge (no transport filter
/// saw it). It weighs with the bypass so that such mail reaches the malicious band. A lone brand claim (5 points) is
/// not enough, as mail from a brand's unlisted domain makes one; nor is mail the store dates more than
/// <see cref="HistoryAge"/> before it created the item, which a migration or an import brings with the mailbox's history
/// (the appender places its mail at the present time, or it would sink below the user's newest).
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

    /// <summary>Mail dated this long before the store created it came with the mailbox's history.</summary>
    public static readonly TimeSpan HistoryAge = TimeSpan.FromHours(1);

    /// <param name="evidence">The points of every other rule but the arrival rules.</param>
    /// <returns>The hit, only where it moves the verdict: evidence already malicious needs no lift.</returns>
    public static RuleHit? Evaluate(ScannedMessage message, double evidence, double suspiciousThreshold, double maliciousThreshold)
    {
        if (message.Provenance.Path != TransportPath.Bypassed || !(evidence > suspiciousThreshold) || evidence >= maliciousThreshold
            || IsHistory(message.Input)) return null;
        return new RuleHit(Name, Weight, ThreatCategory.Clean, string.Create(CultureInfo.InvariantCulture,
            $"Placed without transport with {evidence:0.##} points of evidence apart from how it arrived, over the suspicious band's {suspiciousThreshold:0.##}: content is all an appended message is judged on."));
    }

    private static bool IsHistory(ScanInput input) =>
        input is { ReceivedAt: { } received, CreatedAt: { } created } && created - received > HistoryAge;
}
