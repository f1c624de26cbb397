using System.Text.RegularExpressions;
using Remediation.Core.Scanning.Content;

namespace Remediation.Core.Scanning.Rules;

/// <summary>
/// The advance-fee fraud letter ("419"): a sum in the millions waiting to be moved abroad, told with the story's set
/// pieces (a dead relative or client, next of kin, secrecy, an urgent proposal, a share of the sum). A sum alone is a
/// business mail and the story alone a novel; the rule wants the sum and two of the pieces.
/// </summary>
public sealed partial class AdvanceFeeFraudRule : IScanRule
{
    public const string Name = "ADVANCE_FEE_FRAUD";

    private const int PiecesNeeded = 2;

    public IEnumerable<RuleHit> Evaluate(ScannedMessage message)
    {
        var text = message.SubjectAndText;
        // The full pattern costs about 0.1 ms a message; this cheaper one rules out most mail first.
        // Stryker disable once Statement : every sum LargeSum finds also matches Millions, so without this return the next one returns instead; it only spares the time
        if (!Millions().IsMatch(text)) yield break;
        var sum = LargeSum().Match(text);
        if (!sum.Success) yield break;
        var pieces = StoryPieces().Select(piece => piece.Match(text)).Where(m => m.Success).Select(m => $"\"{m.Value}\"").ToList();
        if (pieces.Count >= PiecesNeeded)
        {
            yield return new RuleHit(Name, 8, ThreatCategory.Phishing,
                $"Offers a sum in the millions (\"{sum.Groups["sum"].Value}\") with the advance-fee fraud story: {string.Join(", ", pieces)}.");
        }
    }

    // One pattern per piece of the story, so that each counts once however often it is told.
    private static IEnumerable<Regex> StoryPieces() => [Death(), Heir(), Secrecy(), Proposal(), Transfer(), Share()];

    [GeneratedRegex(@"\d{1,3}[,.]\d{3}[,.]\d{3}|\d\s?[mM]\b|[mM][iI][lL][lL][iI][oO][nN]|[bB][iI][lL][lL][iI][oO][nN]", LinearRegex.Options)]
    private static partial Regex Millions();

    // The bare number must start a number ("12345 million" is not "2345 million"): the character before it is matched
    // outside the "sum" group, as the linear engine has no lookbehind.
    [GeneratedRegex(@"(?<sum>(US\s?\$|USD|U\.S\.D|\$|£|GBP|€|EUR)\s?\d{1,3}(?:[,.]\d{3}){2,}|(US\s?\$|USD|\$|£|€)\s?\d{1,4}(?:[.,]\d{1,3})?\s?(million|billion|m\b))|(?:^|[^\d.,])(?<sum>\d{1,4}(?:[.,]\d{1,3})?\s?(million|billion)\s+(united\s+states\s+|us\s+|u\.s\.\s+)?(dollars|pounds|euros|usd))",
        LinearRegex.Options | RegexOptions.IgnoreCase)]
    private static partial Regex LargeSum();

    [GeneratedRegex(@"\blate\s+(father|husband|mother|wife|brother|uncle|client|president|head\s+of\s+state|general)|\b(deceased|passed\s+away)\b|\bdied\s+(in|on|of|after)\b|\b(was|were)\s+(killed|assassinated|murdered)\b",
        LinearRegex.Options | RegexOptions.IgnoreCase)]
    private static partial Regex Death();

    [GeneratedRegex(@"\bnext\s+of\s+kin\b|\bbeneficiar(y|ies)\b|\bheir\b", LinearRegex.Options | RegexOptions.IgnoreCase)]
    private static partial Regex Heir();

    [GeneratedRegex(@"\b(strictly|strict|highly|absolutely|utmost)\s+(confidential|confidentiality|secrecy)|\bconfidential\s+(business|transaction|proposal|matter)|\bconfidentiality\s+(and|&)\s+(trust|secrecy)",
        LinearRegex.Options | RegexOptions.IgnoreCase)]
    private static partial Regex Secrecy();

    [GeneratedRegex(@"\burgent\s+(business\s+)?(assistance|proposal|transaction|reply|response)|\b(business|mutual)\s+(proposal|transaction)\b|\btrustworthy\s+(partner|person)",
        LinearRegex.Options | RegexOptions.IgnoreCase)]
    private static partial Regex Proposal();

    [GeneratedRegex(@"\b(foreign|overseas|offshore)\s+(partner|account|bank\s+account)|\btransfer\s+(of\s+)?(the|this|these|such)\s+(sum|fund|funds|money|amount)|\b(fund|funds|money|consignment)\s+(out\s+of|from)\s+(the\s+)?country|\bsecurity\s+(company|firm)|\bdiplomatic\s+(courier|bag|channel)",
        LinearRegex.Options | RegexOptions.IgnoreCase)]
    private static partial Regex Transfer();

    [GeneratedRegex(@"\b\d{1,2}(\.\d+)?\s?(%|percent|per\s+cent)\s+(of\s+the\s+(total\s+)?(sum|fund|funds|money|amount)|for\s+(you|your))", LinearRegex.Options | RegexOptions.IgnoreCase)]
    private static partial Regex Share();
}
