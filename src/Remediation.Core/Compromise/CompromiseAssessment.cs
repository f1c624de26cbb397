namespace Remediation.Core.Compromise;

/// <summary>
/// How strongly a mailbox's evidence says that someone else holds its account, decided from the evidence and the
/// sizes of the waves alone (no clock, no storage): every weight and boundary can then be checked apart from the
/// ledger that keeps them, and the detector only gathers the inputs and acts on the outcome.
/// </summary>
/// <param name="Evidence">The evidence within the evidence window, in the ledger's order: what the alert and the audit trail cite.</param>
/// <param name="Score">What the evidence adds up to.</param>
public sealed record CompromiseAssessment(IReadOnlyList<CompromiseEvidence> Evidence, double Score)
{
    // Invariant: Score = Σ over Evidence (1 if at most RecentWindow old, else 0.5) + 1 per distinct campaign of Evidence
    // whose wave holds at least WaveMailboxes mailboxes. Evidence older than EvidenceWindow never counts, and the
    // mailbox is flagged exactly when some evidence is left and Score reaches Threshold.

    /// <summary>The evidence still within the window at <paramref name="now"/>: older mail tells nothing about who holds the account today.</summary>
    public static IReadOnlyList<CompromiseEvidence> InWindow(IEnumerable<CompromiseEvidence> evidence, DateTimeOffset now, CompromiseOptions options) =>
        [.. evidence.Where(e => IsInWindow(e, now, options))];

    /// <summary>Whether this evidence still says something about who holds the account at <paramref name="now"/>.</summary>
    public static bool IsInWindow(CompromiseEvidence evidence, DateTimeOffset now, CompromiseOptions options) =>
        now - evidence.At <= options.EvidenceWindow;

    /// <summary>The campaigns the evidence belongs to, each once: a wave adds to the score once, however many of its copies the mailbox holds.</summary>
    public static IReadOnlyList<string> Campaigns(IEnumerable<CompromiseEvidence> evidence) =>
        [.. evidence.Select(e => e.CampaignId).Distinct(StringComparer.Ordinal)];

    /// <summary>Weighs evidence already within the window.</summary>
    /// <param name="waveSizes">How many mailboxes each of the evidence's <see cref="Campaigns"/> was placed into without transport.</param>
    public static CompromiseAssessment Weigh(IReadOnlyList<CompromiseEvidence> evidence, IReadOnlyDictionary<string, int> waveSizes, DateTimeOffset now, CompromiseOptions options)
    {
        var score = 0.0;
        foreach (var item in evidence) score += now - item.At <= options.RecentWindow ? 1 : 0.5;
        foreach (var campaignId in Campaigns(evidence))
        {
            if (waveSizes.GetValueOrDefault(campaignId) >= options.WaveMailboxes) score += 1;
        }
        return new CompromiseAssessment(evidence, score);
    }

    /// <summary>Whether the wave counts: enough mailboxes received the campaign without transport.</summary>
    public static bool IsFormed(IReadOnlyList<string> wave, CompromiseOptions options) => wave.Count >= options.WaveMailboxes;

    /// <summary>
    /// The mailboxes to assess once evidence for <paramref name="mailboxId"/> is added (it is always one: evidence of a
    /// colleague's copy names the sender, who is not in the wave of the mailboxes it was appended into). Once the
    /// wave has formed, the mailboxes assessed before it counted are assessed again with its weight, until that is
    /// recorded as done.
    /// </summary>
    /// <remarks>
    /// Invariant, with no assumption about timing or instances: every mailbox is assessed at least once with the wave's
    /// weight once the wave has formed. Each scan adds its evidence before it reads the wave. A scan that read the
    /// wave unformed added before the evidence that formed it, so every scan that reads the wave formed sees that
    /// mailbox; the mark is written only after a whole-wave assessment, so one such scan assessed it with the weight.
    /// Scans that overlap the mark may assess a mailbox twice; an incident opens once whatever the number of looks.
    /// </remarks>
    public static IReadOnlyList<string> MailboxesToAssess(string mailboxId, IReadOnlyList<string> wave, bool waveAssessed, CompromiseOptions options) =>
        IsFormed(wave, options) && !waveAssessed
            ? [.. wave.Append(mailboxId).Distinct(StringComparer.OrdinalIgnoreCase)]
            : [mailboxId];

    /// <summary>Whether the mailbox is likely compromised: some evidence is left and it reaches the threshold.</summary>
    public bool IsCompromised(CompromiseOptions options) => Evidence.Count > 0 && Score >= options.Threshold;
}
