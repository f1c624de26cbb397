using Remediation.Core.Scanning;

namespace Remediation.Core.Verdicts;

/// <summary>What the scan stage decided about one message in one mailbox.</summary>
public sealed record VerdictRecord(
    string MailboxId,
    string MessageId,
    string? InternetMessageId,
    VerdictBand Band,
    ThreatCategory Category,
    double Score,
    IReadOnlyList<string> Rules,
    DateTimeOffset ScannedAt);
