namespace Remediation.Core.Scanning.Rules;

/// <summary>Campaign memory recognised the message as a copy of one already judged malicious.</summary>
public sealed class KnownCampaignRule : IScanRule
{
    public const string Name = "KNOWN_CAMPAIGN";

    public IEnumerable<RuleHit> Evaluate(ScannedMessage message)
    {
        if (message.Input.KnownCampaign is { } campaign)
        {
            yield return new RuleHit(Name, 20, campaign.Category, $"Same fingerprint as campaign {campaign.CampaignId}, judged {campaign.Category.ToString().ToLowerInvariant()} before.");
        }
    }
}
