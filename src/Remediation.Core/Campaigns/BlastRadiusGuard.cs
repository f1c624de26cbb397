using System.Globalization;
using Remediation.Core.Queues;
using Remediation.Core.Remediation;

namespace Remediation.Core.Campaigns;

/// <summary>
/// Whether the pipeline may act on a campaign without the SOC. Invariant: an unapproved campaign acts only while every
/// mailbox it has reached, or would reach now, fits under the cap, and only while a seed whose content reaches the
/// score floor speaks for it (or, for a seed lifted over the floor by how its copy arrived, on that copy alone). The
/// campaign's score is checked at birth (its category and rules are its seed's); the reach whenever it reaches a
/// mailbox it had not, because a campaign grows after birth. The campaign store keeps the count.
/// </summary>
/// <remarks>
/// The points for how one copy arrived (<see cref="Scanning.ArrivalEvidence"/>) speak for that copy alone: a seed whose
/// content falls short of the floor without them acts on its own copy, and an unapproved campaign born of such a seed
/// acts on each copy that reaches the floor by itself, never on copies found by sweep or search. A later copy below
/// the floor waits for the SOC; a later seed whose content reaches the floor takes the campaign over. A campaign held
/// for its score still lets a copy lifted over the floor by how it arrived act on that copy alone.
/// </remarks>
public sealed class BlastRadiusGuard(RemediationOptions options)
{
    /// <summary>Why a new campaign is held, or null when it may act.</summary>
    public string? HoldAtBirth(double score, int reach) =>
        score < options.MinimumScoreToAct ? $"score {Format(score)} is below the floor {Format(options.MinimumScoreToAct)}"
        : reach > options.MaxMailboxesPerCampaign ? $"it reaches {reach} mailboxes, more than {options.MaxMailboxesPerCampaign}"
        : null;

    /// <summary>
    /// Whether this seed looks for copies beyond its own (sweep, search): its campaign or itself speaks for every copy,
    /// or it falls short of the floor and is not copy-bound, and so only measures how far the copies it would hand the
    /// SOC reach. A seed lifted over the floor by how its copy arrived acts on that copy alone.
    /// </summary>
    public bool LooksBeyondItsCopy(MaliciousMessage seed, Campaign? campaign) =>
        campaign is not null && SpeaksForEveryCopy(campaign) || SpeaksForEveryCopy(seed) || !seed.CopyBound && seed.Score < options.MinimumScoreToAct;

    /// <summary>
    /// Why this seed's copy waits for the SOC although its campaign acts, or null when it may be acted on: the campaign
    /// acts on its seeds' own copies alone, and this one falls short of the floor (had it come first, it would have held
    /// the campaign at birth).
    /// </summary>
    public string? WaitsForSoc(MaliciousMessage seed, Campaign campaign) =>
        campaign.Status == CampaignStatus.Active && !SpeaksForEveryCopy(campaign) && !SpeaksForEveryCopy(seed) && seed.Score < options.MinimumScoreToAct
            ? $"a copy scoring {Format(seed.Score)}, below the floor {Format(options.MinimumScoreToAct)}, waits: the campaign acts alone only on copies the way they arrived made malicious"
            : null;

    /// <summary>
    /// Whether this seed may act on its own copy although its campaign is held: the campaign was held for its score
    /// (below the floor, not for its reach), and this copy's own score, lifted by how it arrived, reaches the floor. A
    /// copy sent through transport before an Email Appender wave began must not make the wave wait for the SOC.
    /// </summary>
    public bool ActsDespiteHold(MaliciousMessage seed, Campaign campaign) =>
        campaign.Status == CampaignStatus.Held && campaign.Score < options.MinimumScoreToAct && !SpeaksForEveryCopy(seed) && seed.Score >= options.MinimumScoreToAct;

    /// <summary>
    /// Whether this seed makes a campaign held for its score act, as it would had it come first: its content reaches the
    /// floor by itself. A weaker copy sent ahead of a wave must not keep the wave waiting for the SOC.
    /// </summary>
    public bool Activates(MaliciousMessage seed, Campaign campaign) =>
        campaign.Status == CampaignStatus.Held && campaign.Score < options.MinimumScoreToAct && SpeaksForEveryCopy(seed);

    /// <summary>The score a campaign's seed must reach for it to act without the SOC.</summary>
    public double Floor => options.MinimumScoreToAct;

    /// <summary>
    /// Whether this seed makes its campaign speak for every copy, as it would had it come first: the campaign acts on its
    /// seeds' own copies alone, and this seed's content reaches the floor by itself.
    /// </summary>
    public bool Promotes(MaliciousMessage seed, Campaign campaign) =>
        campaign.Status == CampaignStatus.Active && !SpeaksForEveryCopy(campaign) && SpeaksForEveryCopy(seed);

    /// <summary>
    /// Whether the seed's verdict holds for every copy of its content without the SOC: its content reaches the floor
    /// without the points for how this copy arrived.
    /// </summary>
    public bool SpeaksForEveryCopy(MaliciousMessage seed) => !seed.CopyBound && seed.ContentScore >= options.MinimumScoreToAct;

    /// <summary>
    /// Whether the campaign's verdict holds for every copy of its content, so campaign memory may lend it to each and
    /// any seed may look for copies tenant-wide: the SOC approved it, or it acts and its seed speaks for every copy.
    /// </summary>
    public bool SpeaksForEveryCopy(Campaign campaign) =>
        campaign.Status == CampaignStatus.Approved || campaign.Status == CampaignStatus.Active && SpeaksForEveryCopy(campaign.Seed);

    /// <summary>The most mailboxes an unapproved campaign may reach.</summary>
    public int Cap => options.MaxMailboxesPerCampaign;

    /// <summary>What the SOC reads when the copies known are remediated and the search the recipients ask for waits.</summary>
    public string SearchWaits(int mailboxes) =>
        $"searching the {mailboxes} more mailboxes its recipients name would take it beyond {options.MaxMailboxesPerCampaign}: the copies known are remediated, the search waits";

    /// <summary>What the SOC reads when a grown campaign is held.</summary>
    public string GrownBeyondCap(int reach) => $"it now reaches {reach} mailboxes, more than {options.MaxMailboxesPerCampaign}";

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);
}
