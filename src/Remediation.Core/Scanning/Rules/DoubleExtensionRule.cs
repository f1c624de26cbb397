using Remediation.Core.Scanning.Attachments;

namespace Remediation.Core.Scanning.Rules;

/// <summary>
/// An attachment named to pass for a document: <c>invoice.pdf.exe</c>, a run of spaces before the real
/// extension, or a right-to-left override character that displays the name backwards.
/// </summary>
public sealed class DoubleExtensionRule : IScanRule
{
    public const string Name = "DOUBLE_EXTENSION";

    public IEnumerable<RuleHit> Evaluate(ScannedMessage message)
    {
        foreach (var attachment in message.Attachments)
        {
            var name = attachment.FileName;
            if (name.Contains('\u202E', StringComparison.Ordinal))
            {
                yield return new RuleHit(Name, 6, ThreatCategory.Malware, $"Attachment name \"{name}\" hides its extension with a right-to-left override.");
                yield break;
            }
            var extension = attachment.Extension;
            var inner = ScannedAttachment.ExtensionOf(name[..Math.Max(0, name.TrimEnd(' ', '.').Length - extension.Length - 1)]);
            var padded = name.Contains("   ", StringComparison.Ordinal);
            if ((RiskyNames.IsExecutable(extension) || RiskyNames.IsDiskImage(extension)) && (RiskyNames.IsDocument(inner) || padded))
            {
                yield return new RuleHit(Name, 6, ThreatCategory.Malware, $"Attachment \"{name}\" poses as .{(inner.Length > 0 ? inner : "a document")} but is .{extension}.");
                yield break;
            }
        }
    }
}
