namespace Remediation.Core.Scanning;

/// <summary>A campaign judged malicious before whose fingerprint this message shares.</summary>
public sealed record KnownCampaign(string CampaignId, ThreatCategory Category);
