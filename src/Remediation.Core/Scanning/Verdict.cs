namespace Remediation.Core.Scanning;

public sealed record Verdict(ThreatCategory Category, double Score, VerdictBand Band, IReadOnlyList<RuleHit> Hits)
{
    public bool IsMalicious => Band == VerdictBand.Malicious;

    public IReadOnlyList<string> RuleNames => [.. Hits.Select(h => h.Rule)];
}
