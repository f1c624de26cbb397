using System.Text;
using Remediation.Core.Scanning.Attachments;

namespace Remediation.Core.Scanning.Rules;

/// <summary>An Office document with macros: a VBA project in an Office Open XML file or in a legacy compound document.</summary>
public sealed class OfficeMacroRule : IScanRule
{
    public const string Name = "OFFICE_MACRO";

    // Compound documents name their streams in UTF-16; the VBA project's is always there when macros are.
    private static readonly byte[] VbaProjectStream = Encoding.Unicode.GetBytes("_VBA_PROJECT");

    public IEnumerable<RuleHit> Evaluate(ScannedMessage message)
    {
        foreach (var attachment in message.Attachments)
        {
            var hasMacros = attachment.Archive?.HasVbaProject == true
                || (attachment.Kind == FileKind.CompoundDocument && attachment.Content.Span.IndexOf(VbaProjectStream) >= 0)
                || RiskyNames.IsMacroEnabled(attachment.Extension);
            if (hasMacros)
            {
                yield return new RuleHit(Name, 6, ThreatCategory.Malware, $"Attachment \"{attachment.FileName}\" is an Office document with macros.");
                yield break;
            }
        }
    }
}
