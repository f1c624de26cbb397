namespace Remediation.Core.Compromise;

/// <summary>How malicious mail tells on the account behind it.</summary>
public enum EvidenceSource
{
    /// <summary>Placed into the mailbox without passing this tenant's transport: someone logged in with its credentials.</summary>
    Appended,

    /// <summary>Sent by the account through the tenant's own transport to colleagues: someone is phishing from inside.</summary>
    SentInternally,
}

/// <summary>One malicious message that tells on a mailbox's account.</summary>
/// <param name="MessageId">The copy's id: for mail sent internally, each colleague's copy counts.</param>
public sealed record CompromiseEvidence(string MailboxId, string MessageId, string CampaignId, DateTimeOffset At, EvidenceSource Source = EvidenceSource.Appended)
{
    /// <summary>How many messages and campaigns a response's record names: a hundred Graph ids fit in one stored value.</summary>
    public const int MaxListed = 100;
}
