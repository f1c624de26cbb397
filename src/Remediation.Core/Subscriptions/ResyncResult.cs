namespace Remediation.Core.Subscriptions;

/// <summary>What one mailbox's resync did: folders read, messages queued for scanning.</summary>
public sealed record ResyncResult(int Folders, int Queued);
