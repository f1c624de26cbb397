namespace Remediation.Core.Queues;

/// <summary>Run (or go on with) a hunt: its definition and progress are in the hunt store.</summary>
public sealed record HuntRequest(string HuntId);
