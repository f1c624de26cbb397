using System.Text.RegularExpressions;
using Remediation.Core.Scanning.Content;

namespace Remediation.Core.Scanning.Rules;

/// <summary>
/// The price list of a criminal shop: stolen cPanels, shells, SMTPs, RDPs and webmails to send from, scam pages,
/// card data, cracked accounts. One or two of these words are a sysadmin's day ("cPanel and SMTPS restart"), so the
/// rule wants three kinds of the goods, most as they are sold (plural: "shells", not "shell access"). Words a
/// marketer uses too ("leads", "mailers") are not counted. Such a list is spam for crime's tools, whatever it links to.
/// </summary>
public sealed partial class CrimewareOfferRule : IScanRule
{
    public const string Name = "CRIMEWARE_OFFER";

    private const int KindsNeeded = 3;
    private const double Weight = 6;

    public IEnumerable<RuleHit> Evaluate(ScannedMessage message)
    {
        var kinds = Goods().Matches(message.FoldedWording)
            .Select(m => m.Value).DistinctBy(Kind, StringComparer.Ordinal).Take(KindsNeeded + 2).ToList();
        if (kinds.Count < KindsNeeded) yield break;
        yield return new RuleHit(Name, Weight, ThreatCategory.Spam,
            $"Sells the tools of mail and hacking crime: {string.Join(", ", kinds.Select(k => $"\"{k}\""))}.");
    }

    // "cPanels", "c-panel" and "CPANEL" are one kind.
    private static string Kind(string goods) => Regex.Replace(goods.ToLowerInvariant(), @"[\s-]|s$", "");

    [GeneratedRegex(@"\b(c-?panels?|shells|smtps|rdps|webmails|fullz|cvvs|bank\s+logs|scam\s?pages|spamming\s+tools?|combo\s?lists|inbox\s+mailers|crypters|cracked\s+accounts|hacked\s+accounts)\b",
        LinearRegex.Options | RegexOptions.IgnoreCase)]
    private static partial Regex Goods();
}
