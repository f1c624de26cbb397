namespace Remediation.Showcase;

/// <summary>One malicious campaign of the showcase and what became of its copies.</summary>
/// <param name="Path">How the copies arrived: through transport, or appended over IMAP.</param>
/// <param name="Found">Copies the pipeline recorded in its audit trail for this campaign.</param>
/// <param name="Remediated">Copies out of their Inbox with a remediation recorded.</param>
internal sealed record CampaignOutcome(string Name, string Path, string? CampaignId, int Copies, int Found, int Remediated);
