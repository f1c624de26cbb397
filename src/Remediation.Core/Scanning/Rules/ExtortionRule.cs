using System.Text.RegularExpressions;
using Remediation.Core.Scanning.Content;

namespace Remediation.Core.Scanning.Rules;

/// <summary>
/// The extortion letter ("sextortion"): the writer claims to have broken into the reader's devices or filmed them,
/// and wants money in crypto to keep quiet. A claim of intrusion alone is a security newsletter, and a Bitcoin address
/// alone a donation page; the rule wants the claim and the demand. No link is needed: the payment is the payload.
/// Read in the lexicon's languages without accents.
/// </summary>
public sealed partial class ExtortionRule : IScanRule
{
    public const string Name = "EXTORTION";

    public IEnumerable<RuleHit> Evaluate(ScannedMessage message)
    {
        var text = message.FoldedWording;
        var intrusion = Intrusion().Match(text);
        if (!intrusion.Success) yield break;
        var demand = Demand().Match(text);
        if (demand.Success)
        {
            yield return new RuleHit(Name, 8, ThreatCategory.Phishing,
                $"Claims to have broken into the reader's devices (\"{intrusion.Value}\") and demands crypto (\"{demand.Value}\").");
        }
    }

    [GeneratedRegex(
        @"\b(hacked|infected|compromised|gained\s+(full\s+|total\s+)?(access|control|permission))\s+(to\s+|of\s+)?(all\s+)?(your|ur)\s+(device|devices|computer|machines?|phone|system|operating\s+system|email|e-mail|accounts?)" +
        @"|\b(installed|planted|set\s+up|setting\s+up|attached|injected|placed)\s+(a\s+|my\s+)?(malware|trojan|virus|spyware|computer\s+virus|rat)\b|\b(recorded|filmed)\s+(you|a\s+video\s+of\s+you)|\bvia\s+your\s+(webcam|camera)|\byour\s+(webcam|camera)\s+(recorded|filmed)" +
        @"|\b(switched|turned)\s+on\s+your\s+(webcam|camera)|\b(i\s+have|i've|i\s+got|i\s+gained)\s+(full|complete|total)\s+access\s+to\s+(your|all\s+your)\s+(device|devices|computer|phone|system)" +
        @"|\b(gehackt|infiziert)\b.{0,40}\b(gerat|computer|rechner|handy)|\b(trojaner|schadsoftware|spionagesoftware)\s+(installiert|eingeschleust)|\b(aufgenommen|gefilmt)\s+(habe|hab)" +
        @"|\b(hackeei|invadi|infectei)\s+(o\s+)?(seu|teu)\s+(dispositivo|computador|celular|sistema)|\b(instalei|coloquei)\s+(um\s+)?(virus|malware|trojan)|\bgravei\s+(voce|um\s+video)" +
        @"|\btenho\s+acesso\s+(total|completo)\s+(ao|a)\s+(seu|teu|sua|tua)\s+(dispositivo|computador|celular|sistema|pc)|\bfoi\s+infe(c)?tad[oa]\s+com\s+(um\s+)?(malware|virus|trojan)" +
        @"|\b(hackee|infecte)\s+(tu|su)\s+(dispositivo|ordenador|computadora|telefono)|\b(instale|coloque)\s+(un\s+)?(virus|malware|troyano)|\bte\s+grabe\b" +
        @"|\b(pirate|infecte)\s+(votre|ton)\s+(appareil|ordinateur|telephone|systeme)|\b(installe|implante)\s+(un\s+)?(virus|malware|logiciel\s+espion|cheval\s+de\s+troie)|\bvous\s+ai\s+(filme|enregistre)" +
        @"|\b(gehackt|geinfecteerd)\b.{0,40}\b(apparaat|computer|telefoon)|\b(malware|trojan|virus)\s+(geinstalleerd|geplaatst)|\bheb\s+je\s+gefilmd" +
        @"|\b(hackerato|infettato)\s+(il\s+)?(tuo|suo)\s+(dispositivo|computer|telefono)|\b(installato)\s+(un\s+)?(virus|malware|trojan)|\bti\s+ho\s+(filmato|registrato)",
        LinearRegex.Options | RegexOptions.IgnoreCase)]
    private static partial Regex Intrusion();

    // A Bitcoin address (legacy, script or bech32), or a sum asked in Bitcoin.
    [GeneratedRegex(
        @"\b(bc1[a-z0-9]{25,60}|[13][a-km-zA-HJ-NP-Z1-9]{25,34})\b" +
        @"|\b(bitcoin|btc)[\s-]+(wallet|address|adresse|endereco|direccion|adres|indirizzo|portefeuille|carteira|cartera)" +
        @"|\b(endereco|direccion|adresse|indirizzo|carteira|cartera|portefeuille)\s+(de\s+|du\s+)?(bitcoin|btc)\b" +
        @"|(\$|€|usd|eur)\s?\d[\d.,]*\s+(in|en|em|im)\s+(bitcoin|btc)|\b\d[\d.,]*\s?(\$|€|usd|eur|dollars?|euros?)\s+(in|en|em|im)\s+(bitcoin|btc)",
        LinearRegex.Options | RegexOptions.IgnoreCase)]
    private static partial Regex Demand();
}
