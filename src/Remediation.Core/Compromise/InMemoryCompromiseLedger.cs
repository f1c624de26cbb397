namespace Remediation.Core.Compromise;

/// <summary>
/// The compromise ledger of one process: the twin of the Table ledger for tests and single-process runs. It keeps what
/// the Table ledger keeps (evidence per mailbox by message, the wave per campaign and whether it was assessed whole,
/// one incident per mailbox, the responses and revocations) and answers the same: a race to open an incident has one
/// winner, and a revocation is recorded once per incident.
/// </summary>
public sealed class InMemoryCompromiseLedger : ICompromiseLedger
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, SortedDictionary<string, CompromiseEvidence>> _evidence = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SortedSet<string>> _waves = new(StringComparer.Ordinal);
    private readonly HashSet<string> _assessedWaves = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _incidents = new(StringComparer.Ordinal);
    private readonly List<RecordedResponse> _responses = [];
    private readonly Dictionary<(string MailboxId, long IncidentOpenedAtTicks), RecordedRevocation> _revocations = [];

    public Task AddAsync(CompromiseEvidence evidence, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_evidence.TryGetValue(evidence.MailboxId, out var messages)) _evidence[evidence.MailboxId] = messages = new(StringComparer.Ordinal);
            messages[evidence.MessageId] = evidence;
            // A wave is one campaign placed into many mailboxes; mail one account sent to its colleagues is not one.
            if (evidence.Source != EvidenceSource.Appended) return Task.CompletedTask;
            if (!_waves.TryGetValue(evidence.CampaignId, out var wave)) _waves[evidence.CampaignId] = wave = new(StringComparer.Ordinal);
            wave.Add(evidence.MailboxId);
        }
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<CompromiseEvidence>> EvidenceAsync(string mailboxId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<CompromiseEvidence> evidence = _evidence.TryGetValue(mailboxId, out var messages) ? [.. messages.Values] : [];
            return Task.FromResult(evidence);
        }
    }

    public Task<IReadOnlyList<string>> WaveAsync(string campaignId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<string> wave = _waves.TryGetValue(campaignId, out var mailboxes) ? [.. mailboxes] : [];
            return Task.FromResult(wave);
        }
    }

    public Task<bool> IsWaveAssessedAsync(string campaignId, CancellationToken cancellationToken)
    {
        lock (_gate) return Task.FromResult(_assessedWaves.Contains(campaignId));
    }

    public Task MarkWaveAssessedAsync(string campaignId, CancellationToken cancellationToken)
    {
        lock (_gate) _assessedWaves.Add(campaignId);
        return Task.CompletedTask;
    }

    public Task<bool> HasOpenIncidentAsync(string mailboxId, DateTimeOffset now, TimeSpan cooldown, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(IsOpen(mailboxId, now, cooldown));
        }
    }

    public Task<bool> TryOpenIncidentAsync(string mailboxId, DateTimeOffset now, TimeSpan cooldown, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (IsOpen(mailboxId, now, cooldown)) return Task.FromResult(false);
            _incidents[mailboxId] = now;
            return Task.FromResult(true);
        }
    }

    public Task RecordResponseAsync(string mailboxId, string response, IReadOnlyList<CompromiseEvidence> evidence, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var recorded = new RecordedResponse(mailboxId, response, [.. evidence.Select(e => e.MessageId).Take(CompromiseEvidence.MaxListed)],
            [.. evidence.Select(e => e.CampaignId).Distinct(StringComparer.Ordinal).Take(CompromiseEvidence.MaxListed)], evidence.Min(e => e.At), evidence.Max(e => e.At), at);
        lock (_gate)
        {
            // The Table ledger keys a response by mailbox and time, and adding a second one under the same key fails.
            if (_responses.Exists(r => r.MailboxId == mailboxId && r.At.UtcTicks == at.UtcTicks))
            {
                throw new InvalidOperationException($"A response for mailbox {mailboxId} at {at:o} is recorded already.");
            }
            _responses.Add(recorded);
        }
        return Task.CompletedTask;
    }

    public Task RecordRevocationAsync(string mailboxId, DateTimeOffset incidentOpenedAt, DateTimeOffset revokedAt, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            // A retried revoke: the first record stands.
            _revocations.TryAdd((mailboxId, incidentOpenedAt.UtcTicks), new RecordedRevocation(mailboxId, incidentOpenedAt, revokedAt));
        }
        return Task.CompletedTask;
    }

    /// <summary>The responses taken for the mailbox, oldest first: the audit trail's rows.</summary>
    public IReadOnlyList<RecordedResponse> Responses(string mailboxId)
    {
        lock (_gate)
        {
            return [.. _responses.Where(r => r.MailboxId == mailboxId).OrderBy(r => r.At)];
        }
    }

    /// <summary>The revocations recorded for the mailbox, one per incident, oldest incident first.</summary>
    public IReadOnlyList<RecordedRevocation> Revocations(string mailboxId)
    {
        lock (_gate)
        {
            return [.. _revocations.Values.Where(r => r.MailboxId == mailboxId).OrderBy(r => r.IncidentOpenedAt)];
        }
    }

    private bool IsOpen(string mailboxId, DateTimeOffset now, TimeSpan cooldown) =>
        _incidents.TryGetValue(mailboxId, out var openedAt) && now - openedAt < cooldown;
}

/// <summary>A response as the compromise audit trail keeps it.</summary>
public sealed record RecordedResponse(string MailboxId, string Response, IReadOnlyList<string> Messages, IReadOnlyList<string> Campaigns, DateTimeOffset FirstSeen, DateTimeOffset LastSeen, DateTimeOffset At);

/// <summary>A revocation as the compromise audit trail keeps it: the incident it answered and when the sessions went.</summary>
public sealed record RecordedRevocation(string MailboxId, DateTimeOffset IncidentOpenedAt, DateTimeOffset RevokedAt);
