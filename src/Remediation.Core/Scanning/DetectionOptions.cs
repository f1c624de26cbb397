namespace Remediation.Core.Scanning;

/// <summary>The tenant's own lists and thresholds.</summary>
public sealed class DetectionOptions
{
    public const string Section = "Detection";

    /// <summary>Mail from these domains (or their subdomains) is malicious.</summary>
    public List<string> BlockedSenderDomains { get; set; } = [];

    /// <summary>Mail linking to these domains (or their subdomains) is malicious.</summary>
    public List<string> BlockedUrlDomains { get; set; } = [];

    /// <summary>SHA-256 (hex) of attachments known to be bad, also matched inside archives.</summary>
    public List<string> BlockedAttachmentSha256 { get; set; } = [];

    /// <summary>
    /// Brands and names worth impersonating (besides the tenant's own accepted domains), each with the domains that
    /// legitimately send for it, e.g. <c>"Microsoft": ["microsoft.com", "microsoftonline.com"]</c>.
    /// </summary>
    public Dictionary<string, List<string>> ProtectedBrands { get; set; } = [];

    /// <summary>Fingerprint ids the SOC released: such messages are clean whatever the rules say.</summary>
    public List<string> AllowedFingerprints { get; set; } = [];

    /// <summary>
    /// Sender addresses or domains the SOC released. They apply only to mail that came through this tenant's
    /// transport, because mail placed in a mailbox directly can claim any sender.
    /// </summary>
    public List<string> AllowedSenders { get; set; } = [];

    /// <summary>At or above this score the pipeline remediates.</summary>
    public double MaliciousThreshold { get; set; } = 10;

    /// <summary>At or above this score (and below malicious) the pipeline alerts only.</summary>
    public double SuspiciousThreshold { get; set; } = 5;

    public ScanLimits Limits { get; set; } = new();
}
