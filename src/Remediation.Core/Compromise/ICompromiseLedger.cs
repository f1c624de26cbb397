namespace Remediation.Core.Compromise;

/// <summary>Evidence per mailbox and per wave, and the responses taken (the compromise audit trail).</summary>
public interface ICompromiseLedger
{
    Task AddAsync(CompromiseEvidence evidence, CancellationToken cancellationToken);

    Task<IReadOnlyList<CompromiseEvidence>> EvidenceAsync(string mailboxId, CancellationToken cancellationToken);

    /// <summary>The mailboxes a campaign was placed into without transport.</summary>
    Task<IReadOnlyList<string>> WaveAsync(string campaignId, CancellationToken cancellationToken);

    /// <summary>Whether every mailbox of the campaign's wave was assessed with the wave's weight once it formed.</summary>
    Task<bool> IsWaveAssessedAsync(string campaignId, CancellationToken cancellationToken);

    /// <summary>Records that the campaign's formed wave was assessed whole; marking it twice changes nothing.</summary>
    Task MarkWaveAssessedAsync(string campaignId, CancellationToken cancellationToken);

    /// <summary>Whether an incident was opened for the mailbox within the cooldown.</summary>
    Task<bool> HasOpenIncidentAsync(string mailboxId, DateTimeOffset now, TimeSpan cooldown, CancellationToken cancellationToken);

    /// <summary>
    /// Opens an incident for the mailbox unless one was opened within the cooldown; only one caller wins a race.
    /// </summary>
    Task<bool> TryOpenIncidentAsync(string mailboxId, DateTimeOffset now, TimeSpan cooldown, CancellationToken cancellationToken);

    /// <summary>
    /// Records the response taken and the evidence it rested on: at most <see cref="CompromiseEvidence.MaxListed"/>
    /// messages and campaigns, the first found, as an appender may place hundreds and a stored value has a size limit.
    /// </summary>
    Task RecordResponseAsync(string mailboxId, string response, IReadOnlyList<CompromiseEvidence> evidence, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Records that the incident's sessions were revoked: once, however often the revoke ran.</summary>
    Task RecordRevocationAsync(string mailboxId, DateTimeOffset incidentOpenedAt, DateTimeOffset revokedAt, CancellationToken cancellationToken);
}
