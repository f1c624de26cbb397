namespace Remediation.Core.Remediation;

/// <summary>Some copies of a job could not be remediated; the job is retried by the queue.</summary>
public sealed class RemediationFailedException(string message, Exception innerException) : Exception(message, innerException);
