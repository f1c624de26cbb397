using System.Text.RegularExpressions;
using Remediation.Core.Scanning.Content;

namespace Remediation.Core.Scanning.Rules;

/// <summary>
/// X-Mailer claims Outlook for Windows, but the Message-ID has neither Outlook's own shape
/// (<c>hex$hex$hex@host</c>) nor the one Microsoft's services rewrite it to: a bulk tool borrowing a familiar
/// client name.
/// </summary>
public sealed partial class ForgedOutlookClientRule : IScanRule
{
    public const string Name = "FORGED_OUTLOOK_CLIENT";

    public IEnumerable<RuleHit> Evaluate(ScannedMessage message)
    {
        var mailer = message.Mime.Headers["X-Mailer"];
        if (mailer is null || !OutlookForWindows().IsMatch(mailer)) yield break;
        var messageId = message.Mime.MessageId ?? "";
        if (!OutlookMessageId().IsMatch(messageId) && !RewrittenByMicrosoft(messageId))
        {
            yield return new RuleHit(Name, 2, ThreatCategory.Spam, $"X-Mailer says \"{mailer.Trim()}\" but the Message-ID <{messageId}> is not Outlook's.");
        }
    }

    // Microsoft's own mail services replace the client's Message-ID with theirs.
    private static bool RewrittenByMicrosoft(string messageId) =>
        messageId.EndsWith(".outlook.com", StringComparison.OrdinalIgnoreCase)
        || messageId.EndsWith("@hotmail.com", StringComparison.OrdinalIgnoreCase)
        || messageId.EndsWith("@msn.com", StringComparison.OrdinalIgnoreCase);

    // "Outlook, Build …" and "Outlook 16.0", not Outlook 9's "IMO"/"CWS" modes or the Mac editions: those write other Message-IDs.
    [GeneratedRegex(@"^\s*Microsoft (Office )?Outlook( Express)?(,| \d)", LinearRegex.Options | RegexOptions.IgnoreCase)]
    private static partial Regex OutlookForWindows();

    [GeneratedRegex(@"^[0-9a-f]{12,16}\$[0-9a-f]{8}\$[0-9a-f]{8}\$?@", LinearRegex.Options | RegexOptions.IgnoreCase)]
    private static partial Regex OutlookMessageId();
}
