using System.Text.RegularExpressions;
using Remediation.Core.Scanning.Content;

namespace Remediation.Core.Scanning.Rules;

/// <summary>An HTML attachment with a password field: a login page that opens locally, out of reach of URL filters.</summary>
public sealed partial class HtmlLoginFormAttachmentRule : IScanRule
{
    public const string Name = "HTML_ATTACHMENT_LOGIN_FORM";

    public IEnumerable<RuleHit> Evaluate(ScannedMessage message)
    {
        var attachment = message.Attachments.FirstOrDefault(a => a.IsHtml && PasswordInput().IsMatch(a.Text));
        if (attachment is not null)
        {
            yield return new RuleHit(Name, 6, ThreatCategory.Phishing, $"HTML attachment \"{attachment.FileName}\" asks for a password.");
        }
    }

    [GeneratedRegex(@"<input[^>]+type\s*=\s*[""']?password", LinearRegex.Options | RegexOptions.IgnoreCase)]
    private static partial Regex PasswordInput();
}
