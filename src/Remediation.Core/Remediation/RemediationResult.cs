namespace Remediation.Core.Remediation;

/// <param name="Remediated">Copies this job acted on (or recorded, in report-only mode).</param>
/// <param name="AlreadyDone">Copies found already remediated, restored by the SOC, or gone: a replayed job lands here.</param>
/// <param name="Failed">Copies the job could not act on; the job is retried.</param>
public sealed record RemediationResult(int Remediated, int AlreadyDone, int Failed);
