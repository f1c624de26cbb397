namespace Remediation.TenantSimulator;

/// <summary>Counts for one mailbox: admitted requests, their peak concurrency, and requests refused with 429.</summary>
public sealed record MailboxMetrics(string MailboxId, long Requests, int PeakConcurrency, long Throttled);
