namespace Remediation.Core.Campaigns;

public enum CampaignStatus
{
    /// <summary>Copies are remediated as they are found.</summary>
    Active,

    /// <summary>Too large or too uncertain to act on alone: waiting for the SOC.</summary>
    Held,

    /// <summary>The SOC approved a held campaign: acted on whatever its size.</summary>
    Approved,

    /// <summary>The SOC undid the campaign: its copies were restored and it no longer marks new copies.</summary>
    Released,
}
