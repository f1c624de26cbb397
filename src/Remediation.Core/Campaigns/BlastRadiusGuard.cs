using System.Globalization;
using Remediation.Core.Remediation;

namespace Remediation.Core.Campaigns;

/// <summary>
/// Whether the pipeline may act on a campaign without the SOC. Invariant: an unapproved campaign acts only while its
/// seed's score reaches the floor and every mailbox it has reached, or would reach now, fits under the cap. The score
/// is checked once, at birth (the campaign's category and rules are its seed's); the reach whenever the campaign reaches
/// a mailbox it had not, because a campaign grows after birth. The campaign store keeps the count.
/// </summary>
public sealed class BlastRadiusGuard(RemediationOptions options)
{
    /// <summary>Why a new campaign is held, or null when it may act.</summary>
    public string? HoldAtBirth(double score, int reach) =>
        score < options.MinimumScoreToAct ? $"score {Format(score)} is below the floor {Format(options.MinimumScoreToAct)}"
        : reach > options.MaxMailboxesPerCampaign ? $"it reaches {reach} mailboxes, more than {options.MaxMailboxesPerCampaign}"
        : null;

    /// <summary>The most mailboxes an unapproved campaign may reach.</summary>
    public int Cap => options.MaxMailboxesPerCampaign;

    /// <summary>What the SOC reads when a grown campaign is held.</summary>
    public string GrownBeyondCap(int reach) => $"it now reaches {reach} mailboxes, more than {options.MaxMailboxesPerCampaign}";

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);
}
