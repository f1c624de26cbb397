using System.Text.RegularExpressions;
using Remediation.Core.Scanning.Content;

namespace Remediation.Core.Scanning.Rules;

/// <summary>
/// Bulk mail that argues it is not spam: "this is not spam", "not unsolicited", the US Senate bill S.1618 that never
/// became law, quoted as a licence to send. Legitimate senders do not need to say so.
/// </summary>
public sealed partial class SpamDisclaimerRule : IScanRule
{
    public const string Name = "SPAM_DISCLAIMER";

    public IEnumerable<RuleHit> Evaluate(ScannedMessage message)
    {
        // Most mail has none of the words the claim needs: looking for them first spares it the full pattern.
        if (!Keywords().IsMatch(message.SubjectAndText)) yield break;
        var found = Disclaimer().Match(message.SubjectAndText);
        if (found.Success)
        {
            yield return new RuleHit(Name, 3, ThreatCategory.Spam, $"Claims not to be spam (\"{found.Value}\").");
        }
    }

    [GeneratedRegex(@"[sS][pP][aA][mM]|[uU][nN][sS][oO][lL][iI][cC][iI][tT][eE][dD]|1618", LinearRegex.Options)]
    private static partial Regex Keywords();

    [GeneratedRegex(@"\b(this|it)\s+(e-?mail\s+|message\s+|letter\s+|mailing\s+)?(is|was)\s+not\s+(a\s+)?(spam|unsolicited)\b|\bnot\s+(an?\s+)?unsolicited\s+(e-?mail|message|mail|commercial)|\bcannot\s+be\s+considered\s+spam\b|\b(S\.?\s?|senate\s+bill\s+|bill\s+)1618\b",
        LinearRegex.Options | RegexOptions.IgnoreCase)]
    private static partial Regex Disclaimer();
}
