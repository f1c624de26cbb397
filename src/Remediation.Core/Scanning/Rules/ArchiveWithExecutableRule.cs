using Remediation.Core.Scanning.Attachments;

namespace Remediation.Core.Scanning.Rules;

/// <summary>A ZIP attachment (or a ZIP inside it) holds an executable, by content or by name.</summary>
public sealed class ArchiveWithExecutableRule : IScanRule
{
    public const string Name = "ARCHIVE_WITH_EXECUTABLE";

    public IEnumerable<RuleHit> Evaluate(ScannedMessage message)
    {
        foreach (var attachment in message.Attachments)
        {
            var entry = attachment.Archive?.Entries.FirstOrDefault(e =>
                RiskyNames.IsExecutable(e.Kind) || RiskyNames.IsExecutable(ScannedAttachment.ExtensionOf(e.Path)) || RiskyNames.IsDiskImage(ScannedAttachment.ExtensionOf(e.Path)));
            if (entry is not null)
            {
                var why = RiskyNames.IsExecutable(entry.Kind) ? $"a {entry.Kind} by its content" : "executable by its name";
                yield return new RuleHit(Name, 10, ThreatCategory.Malware, $"Archive \"{attachment.FileName}\" holds {entry.Path}, {why}.");
                yield break;
            }
        }
    }
}
