namespace Remediation.Core.Scanning.Rules;

/// <summary>The store flags the message as a draft although it sits outside Drafts: it was created, not received.</summary>
public sealed class DraftOutsideDraftsRule : IScanRule
{
    public const string Name = "DRAFT_OUTSIDE_DRAFTS";

    public IEnumerable<RuleHit> Evaluate(ScannedMessage message)
    {
        if (message.Input.IsDraft && !string.Equals(message.Input.FolderName, "drafts", StringComparison.OrdinalIgnoreCase))
        {
            yield return new RuleHit(Name, 1, ThreatCategory.Clean, $"Flagged as a draft in {message.Input.FolderName ?? "a folder that is not Drafts"}.");
        }
    }
}
