using System.Globalization;
using Remediation.Core.Queues;
using Remediation.Core.Remediation;

namespace Remediation.Core.Campaigns;

/// <summary>
/// Whether the pipeline may act on a campaign without the SOC. Invariant: an unapproved campaign acts only while its
/// seed's score reaches the floor and every mailbox it has reached, or would reach now, fits under the cap. The score
/// is checked once, at birth (the campaign's category and rules are its seed's); the reach whenever the campaign reaches
/// a mailbox it had not, because a campaign grows after birth. The campaign store keeps the count.
/// </summary>
/// <remarks>
/// The points for how one copy arrived (<see cref="Scanning.ArrivalEvidence"/>) speak for that copy alone: a seed whose
/// content falls short of the floor without them acts on its own copy, and an unapproved campaign born of such a seed
/// acts on each copy that reaches the floor by itself, never on copies found by sweep or search.
/// </remarks>
public sealed class BlastRadiusGuard(RemediationOptions options)
{
    /// <summary>Why a new campaign is held, or null when it may act.</summary>
    public string? HoldAtBirth(double score, int reach) =>
        score < options.MinimumScoreToAct ? $"score {Format(score)} is below the floor {Format(options.MinimumScoreToAct)}"
        : reach > options.MaxMailboxesPerCampaign ? $"it reaches {reach} mailboxes, more than {options.MaxMailboxesPerCampaign}"
        : null;

    /// <summary>
    /// Whether this seed acts on its own copy alone: neither it nor its campaign speaks for every copy, and its own
    /// score, arrival points included, reaches the floor. Copies found by sweep or search may have come another way.
    /// </summary>
    public bool ActsOnItsCopyAlone(MaliciousMessage seed, Campaign? campaign) =>
        !SpeaksForEveryCopy(seed) && !(campaign is not null && SpeaksForEveryCopy(campaign)) && seed.Score >= options.MinimumScoreToAct;

    /// <summary>
    /// Why an acting campaign that speaks for its seeds' own copies alone is held when this seed joins it, or null: a
    /// seed below the floor that speaks for no other copy would have held the campaign had it come first.
    /// </summary>
    public string? HoldForLaterSeed(MaliciousMessage seed, Campaign campaign) =>
        campaign.Status == CampaignStatus.Active && !SpeaksForEveryCopy(campaign) && !SpeaksForEveryCopy(seed) && seed.Score < options.MinimumScoreToAct
            ? $"a copy scoring {Format(seed.Score)}, below the floor {Format(options.MinimumScoreToAct)}, joined a campaign that acts only on copies the way they arrived made malicious"
            : null;

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

    /// <summary>What the SOC reads when a grown campaign is held.</summary>
    public string GrownBeyondCap(int reach) => $"it now reaches {reach} mailboxes, more than {options.MaxMailboxesPerCampaign}";

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);
}
