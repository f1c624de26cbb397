using Microsoft.Extensions.Options;
using MimeKit;

namespace Remediation.Core.Scanning;

/// <summary>Runs every rule over a message and turns the evidence into a verdict.</summary>
public sealed class ScanEngine(IEnumerable<IScanRule> rules, IOptions<DetectionOptions> options)
{
    private readonly IScanRule[] _rules = [.. rules];

    public Verdict Scan(MimeMessage mime)
    {
        var message = new ScannedMessage(mime);
        var hits = _rules.SelectMany(rule => rule.Evaluate(message)).ToList();
        var score = hits.Sum(h => h.Weight);
        var band = score >= options.Value.MaliciousThreshold ? VerdictBand.Malicious
            : score >= options.Value.SuspiciousThreshold ? VerdictBand.Suspicious
            : VerdictBand.Clean;
        // The category of the heaviest evidence names the threat.
        var category = band == VerdictBand.Clean
            ? ThreatCategory.Clean
            : hits.GroupBy(h => h.Category).MaxBy(g => g.Sum(h => h.Weight))!.Key;
        return new Verdict(category, score, band, hits);
    }
}
