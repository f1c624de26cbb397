namespace Remediation.Core.Scanning;

public enum ThreatCategory
{
    Clean,
    Spam,
    Phishing,
    Malware,
}
