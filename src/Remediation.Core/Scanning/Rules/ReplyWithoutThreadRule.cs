using System.Text.RegularExpressions;
using Remediation.Core.Scanning.Content;

namespace Remediation.Core.Scanning.Rules;

/// <summary>
/// A "Re:" subject with nothing it replies to: a fake thread to look familiar. Old clients and list digests do the
/// same (4 % of the training easy ham), so it weighs little.
/// </summary>
public sealed partial class ReplyWithoutThreadRule : IScanRule
{
    public const string Name = "REPLY_WITHOUT_THREAD";

    public IEnumerable<RuleHit> Evaluate(ScannedMessage message)
    {
        if (ReplyPrefix().IsMatch(message.Subject) && message.Mime.InReplyTo is null && message.Mime.References.Count == 0)
        {
            yield return new RuleHit(Name, 0.5, ThreatCategory.Spam, "Subject starts with \"Re:\" but there is no In-Reply-To or References.");
        }
    }

    [GeneratedRegex(@"^\s*(re|aw|sv|antw)\s*:", LinearRegex.Options | RegexOptions.IgnoreCase)]
    private static partial Regex ReplyPrefix();
}
