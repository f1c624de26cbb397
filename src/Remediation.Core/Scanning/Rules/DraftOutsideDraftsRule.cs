namespace Remediation.Core.Scanning.Rules;

/// <summary>The store flags the message as a draft although it sits outside Drafts: it was created, not received.</summary>
public sealed class DraftOutsideDraftsRule : IScanRule
{
    public const string Name = "DRAFT_OUTSIDE_DRAFTS";

    public const double Weight = 1;

    public IEnumerable<RuleHit> Evaluate(ScannedMessage message)
    {
        if (message.Input.IsDraft && !string.Equals(message.Input.FolderName, "drafts", StringComparison.OrdinalIgnoreCase))
        {
            yield return new RuleHit(Name, Weight, ThreatCategory.Clean, $"Flagged as a draft in {message.Input.FolderName ?? "a folder that is not Drafts"}.");
        }
    }
}
