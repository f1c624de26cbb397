namespace Remediation.Core.Scanning;

/// <summary>A copy the remediation stage found, as the engine judged it.</summary>
/// <param name="Fingerprint">What the copy's content is, to compare with its campaign's.</param>
/// <param name="MaliciousByItself">Whether its own evidence makes it malicious, not counting how it came into its mailbox;
/// null when not asked (the SOC vouched for the campaign).</param>
public sealed record CopyJudgement(MessageFingerprint Fingerprint, bool? MaliciousByItself);
