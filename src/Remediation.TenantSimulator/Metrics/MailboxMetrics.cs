namespace Remediation.TenantSimulator;

/// <summary>
/// Counts for one mailbox: admitted requests (the items of a batch each count), their peak concurrency, requests
/// refused with 429, and round trips: admitted requests with a batch counted once, however many of its items address
/// the mailbox.
/// </summary>
public sealed record MailboxMetrics(string MailboxId, long Requests, int PeakConcurrency, long Throttled, long RoundTrips);
