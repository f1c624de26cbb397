using Microsoft.Extensions.Options;

namespace Remediation.Core.Scanning.Rules;

/// <summary>An attachment whose SHA-256 the tenant named as bad.</summary>
public sealed class BlockedAttachmentHashRule(IOptions<DetectionOptions> options) : IScanRule
{
    public const string Name = "BLOCKED_ATTACHMENT_HASH";
    private readonly HashSet<string> _blocked = new(options.Value.BlockedAttachmentSha256.Select(h => h.Trim()), StringComparer.OrdinalIgnoreCase);

    public IEnumerable<RuleHit> Evaluate(ScannedMessage message)
    {
        // Stryker disable once Statement : with no hash blocked no attachment's hash is in the set; the return only spares hashing the attachments
        if (_blocked.Count == 0) yield break;
        var attachment = message.Attachments.FirstOrDefault(a => _blocked.Contains(a.Sha256));
        if (attachment is not null)
        {
            yield return new RuleHit(Name, 20, ThreatCategory.Malware, $"Attachment \"{attachment.FileName}\" has the blocked SHA-256 {attachment.Sha256}.");
        }
    }
}
