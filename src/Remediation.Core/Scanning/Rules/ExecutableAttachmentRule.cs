using Remediation.Core.Scanning.Attachments;

namespace Remediation.Core.Scanning.Rules;

/// <summary>
/// An attachment that runs code when opened: known by its content (a Windows, Linux or macOS executable, a
/// shortcut) whatever it is called, or by a name Windows would run. Lower: a shebang script (people share those,
/// and it does not run on a double-click) and disk images (they only carry a payload past mark-of-the-web).
/// </summary>
public sealed class ExecutableAttachmentRule : IScanRule
{
    public const string Name = "EXECUTABLE_ATTACHMENT";

    public IEnumerable<RuleHit> Evaluate(ScannedMessage message)
    {
        var byContent = message.Attachments.FirstOrDefault(a => RiskyNames.IsExecutable(a.Kind));
        if (byContent is not null)
        {
            yield return new RuleHit(Name, 10, ThreatCategory.Malware, $"Attachment {Describe(byContent)} is a {byContent.Kind} by its content.");
            yield break;
        }
        var byName = message.Attachments.FirstOrDefault(a => RiskyNames.IsExecutable(a.Extension));
        if (byName is not null)
        {
            yield return new RuleHit(Name, 8, ThreatCategory.Malware, $"Attachment {Describe(byName)} has the executable extension .{byName.Extension}.");
            yield break;
        }
        var script = message.Attachments.FirstOrDefault(a => a.Kind == FileKind.ShellScript);
        if (script is not null)
        {
            yield return new RuleHit(Name, 3, ThreatCategory.Malware, $"Attachment {Describe(script)} is a script with a #! interpreter line.");
            yield break;
        }
        var image = message.Attachments.FirstOrDefault(a => a.Kind == FileKind.DiskImage || RiskyNames.IsDiskImage(a.Extension));
        if (image is not null)
        {
            yield return new RuleHit(Name, 6, ThreatCategory.Malware, $"Attachment {Describe(image)} is a disk image.");
        }
    }

    private static string Describe(ScannedAttachment attachment) => attachment.FileName.Length > 0 ? $"\"{attachment.FileName}\"" : $"({attachment.ContentType})";
}
