using System.Text.RegularExpressions;
using Remediation.Core.Scanning.Content;

namespace Remediation.Core.Scanning.Rules;

/// <summary>
/// An HTML attachment that builds its payload in the browser: it decodes a string (atob, unescape, fromCharCode)
/// and turns it into a download (Blob, createObjectURL, msSaveOrOpenBlob) or into code (eval, document.write).
/// </summary>
public sealed partial class HtmlSmugglingRule : IScanRule
{
    public const string Name = "HTML_SMUGGLING";

    public IEnumerable<RuleHit> Evaluate(ScannedMessage message)
    {
        foreach (var attachment in message.Attachments.Where(a => a.IsHtml))
        {
            var html = attachment.Text;
            var decode = Decoding().Match(html);
            if (!decode.Success) continue;
            var deliver = Delivery().Match(html);
            if (deliver.Success)
            {
                yield return new RuleHit(Name, 8, ThreatCategory.Malware, $"HTML attachment \"{attachment.FileName}\" decodes content ({decode.Value.TrimEnd('(')}) and delivers it ({deliver.Value.TrimEnd('(')}).");
                yield break;
            }
        }
    }

    [GeneratedRegex(@"\batob\s*\(|\bunescape\s*\(|String\.fromCharCode\s*\(|\bdecodeURIComponent\s*\(", LinearRegex.Options)]
    private static partial Regex Decoding();

    [GeneratedRegex(@"\bnew\s+Blob\s*\(|createObjectURL\s*\(|msSaveOrOpenBlob\s*\(|\.download\s*=|\beval\s*\(|document\.write\s*\(", LinearRegex.Options)]
    private static partial Regex Delivery();
}
