namespace Remediation.Core.Remediation;

/// <param name="Moved">Copies this job moved.</param>
/// <param name="AlreadyDone">Copies found already remediated or gone: a retried job lands here.</param>
public sealed record RemediationResult(int Moved, int AlreadyDone);
