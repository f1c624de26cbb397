namespace Remediation.Core.Scanning;

/// <summary>The tenant's own lists and thresholds.</summary>
public sealed class DetectionOptions
{
    public const string Section = "Detection";

    /// <summary>Mail from these domains (or their subdomains) is malicious.</summary>
    public List<string> BlockedSenderDomains { get; set; } = [];

    /// <summary>Mail linking to these domains (or their subdomains) is malicious.</summary>
    public List<string> BlockedUrlDomains { get; set; } = [];

    /// <summary>At or above this score the pipeline remediates.</summary>
    public double MaliciousThreshold { get; set; } = 10;

    /// <summary>At or above this score (and below malicious) the pipeline alerts only.</summary>
    public double SuspiciousThreshold { get; set; } = 5;
}
