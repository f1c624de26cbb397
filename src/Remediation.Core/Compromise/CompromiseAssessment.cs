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

    /// <summary>How far a wave may outgrow <see cref="CompromiseOptions.WaveMailboxes"/> between two looks while copies are scanned concurrently.</summary>
    public const int ConcurrentScansMargin = 32;

    /// <summary>The evidence still within the window at <paramref name="now"/>: older mail tells nothing about who holds the account today.</summary>
    public static IReadOnlyList<CompromiseEvidence> InWindow(IEnumerable<CompromiseEvidence> evidence, DateTimeOffset now, CompromiseOptions options) =>
        [.. evidence.Where(e => now - e.At <= options.EvidenceWindow)];

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

    /// <summary>
    /// The mailboxes to assess once evidence for <paramref name="mailboxId"/> is added. While a wave forms, the
    /// mailboxes assessed before it counted as one are assessed again with its weight; the margin covers a wave that
    /// grew by a batch of concurrently scanned copies between two looks. Beyond it every mailbox was assessed with the
    /// wave's weight already, so only the one whose evidence arrived is. That one is always assessed: evidence of a
    /// colleague's copy names the sender, who is not in the wave of the mailboxes it was appended into.
    /// </summary>
    public static IReadOnlyList<string> MailboxesToAssess(string mailboxId, IReadOnlyList<string> wave, CompromiseOptions options) =>
        wave.Count >= options.WaveMailboxes && wave.Count <= options.WaveMailboxes + ConcurrentScansMargin
            ? [.. wave.Append(mailboxId).Distinct(StringComparer.OrdinalIgnoreCase)]
            : [mailboxId];

    /// <summary>Whether the mailbox is likely compromised: some evidence is left and it reaches the threshold.</summary>
    public bool IsCompromised(CompromiseOptions options) => Evidence.Count > 0 && Score >= options.Threshold;
}
