using System.Text.RegularExpressions;
using Remediation.Core.Scanning.Content;

namespace Remediation.Core.Scanning.Rules;

/// <summary>
/// The language of credential phishing: an account or password matter, made urgent, with a link to act on.
/// </summary>
public sealed partial class CredentialLureRule : IScanRule
{
    public const string Name = "CREDENTIAL_LURE";

    public IEnumerable<RuleHit> Evaluate(ScannedMessage message)
    {
        if (message.Links.Count == 0 && message.Anchors.Count == 0) yield break;
        var text = message.SubjectAndText;
        var account = AccountMatter().Match(text);
        var urgency = Urgency().Match(text);
        if (account.Success && urgency.Success)
        {
            yield return new RuleHit(Name, 3, ThreatCategory.Phishing, $"Asks to act on an account (\"{account.Value}\") under pressure (\"{urgency.Value}\"), with a link.");
        }
    }

    [GeneratedRegex(@"\b(verify|confirm|validate|update|re-?activate|unlock|restore)\s+(your\s+)?(account|password|mailbox|identity|credentials|login|e-?mail)\b|\bmailbox\s+(is\s+)?(full|quota)|\b(exceeded|over)\s+(its|your|the)\s+(storage\s+)?quota|\bpassword\s+(will\s+)?expir|\bsign[\s-]?in\s+(to|and)\s+(verify|confirm|review|keep)|\bunusual\s+sign[\s-]?in",
        LinearRegex.Options | RegexOptions.IgnoreCase)]
    private static partial Regex AccountMatter();

    [GeneratedRegex(@"\b(will\s+be|has\s+been|have\s+been)\s+(suspended|disabled|deactivated|locked|closed|terminated|deleted)|\bwithin\s+(24|48|72|12)\s*(hours|hrs|h)\b|\baction\s+required\b|\bimmediately\b|\bfinal\s+(notice|warning)\b",
        LinearRegex.Options | RegexOptions.IgnoreCase)]
    private static partial Regex Urgency();
}
