using System.Text.RegularExpressions;
using Remediation.Core.Scanning.Content;
using Remediation.Core.Scanning.Domains;

namespace Remediation.Core.Scanning.Rules;

/// <summary>
/// The advance-fee fraud letter ("419"): a sum in the millions waiting to be moved abroad or given away, told with the
/// story's set pieces (a dead relative or client, a dying widow, next of kin or an inheritance, secrecy, an urgent
/// proposal to a trustworthy stranger, a transfer to the reader's account, a share of the sum, a gift to or through the
/// reader, a lottery the reader's address won, the International Monetary Fund releasing the sum, a courier bringing
/// the cash or a card loaded with it). A sum alone is a business mail and the story alone a novel; the rule wants the
/// sum and two of the pieces. Compensation for an earlier fraud is no piece: a class action's notice offers the same,
/// beside its deceased members' estates.
/// The letter is sent in every language, so each piece is written in the lure lexicon's languages, without diacritics.
/// One piece is in the headers: the letter comes from an organisation's address (often a stolen one) and asks for the
/// reply at a free mailbox, the fraudster's own. That reply address with one piece of the story is the opener, which
/// keeps the sum for the second letter: it weighs less.
/// </summary>
public sealed partial class AdvanceFeeFraudRule : IScanRule
{
    public const string Name = "ADVANCE_FEE_FRAUD";

    private const int PiecesNeeded = 2;
    private const double Weight = 8;
    private const double OpenerWeight = 5;

    public IEnumerable<RuleHit> Evaluate(ScannedMessage message)
    {
        var text = message.FoldedWording;
        // The full pattern costs about 0.1 ms a message; this cheaper one rules out most mail first.
        // Stryker disable once Conditional : every sum LargeSum finds also matches Millions; the pre-check only spares the time
        var sum = Millions().IsMatch(text) ? LargeSum().Match(text) : Match.Empty;
        if (!sum.Success)
        {
            if (Opener(message, text) is { } opener) yield return opener;
            yield break;
        }
        var pieces = Pieces(text);
        // A letter the headers complete is this message's evidence, not its body's: the reply address is the sender's to write.
        var toldInText = pieces.Count >= PiecesNeeded;
        if (FreemailDomains.CollectingReplies(message.Mime) is { } inbox) pieces.Add($"replies go to the free mailbox {inbox.Address}");
        if (pieces.Count >= PiecesNeeded)
        {
            yield return new RuleHit(Name, Weight, ThreatCategory.Phishing,
                $"Offers a sum in the millions (\"{sum.Groups["sum"].Value}\") with the advance-fee fraud story: {string.Join(", ", pieces)}.")
            { WeightAroundContent = toldInText ? 0 : Weight };
        }
    }

    /// <summary>
    /// The opener: a piece of the story without a sum ("a lucrative deal", "I am dying of cancer"), whose
    /// only call is the reply, asked at a free mailbox while the letter comes from an organisation's address. The
    /// sum comes in the second letter. The reply address is the sender's to write, so none of it is content evidence.
    /// </summary>
    private static RuleHit? Opener(ScannedMessage message, string text)
    {
        if (FreemailDomains.CollectingReplies(message.Mime) is not { } inbox) return null;
        var pieces = Pieces(text);
        return pieces.Count == 0 ? null : new RuleHit(Name, OpenerWeight, ThreatCategory.Phishing,
            $"Opens the advance-fee fraud story without a sum ({string.Join(", ", pieces)}) and asks for the reply at the free mailbox {inbox.Address}.")
        { WeightAroundContent = OpenerWeight };
    }

    private static List<string> Pieces(string text) => [.. StoryPieces().Select(piece => piece.Match(text)).Where(m => m.Success).Select(m => $"\"{m.Value}\"")];

    // One pattern per piece of the story, so that each counts once however often it is told.
    private static IEnumerable<Regex> StoryPieces() => [Death(), Heir(), Secrecy(), Proposal(), Transfer(), Share(), Donation(), Lottery(), Institution(), Courier()];

    // "mil" and the letter that starts the word for a million in each of the languages, accents removed: million,
    // millon, milhao, milione, miljoen.
    [GeneratedRegex(@"\d{1,3}[,.]\d{3}[,.]\d{3}|\d\s?[mM]\b|[mM][iI][lL]([lL][iIoO]|[hH][aAoO]|[jJ][oO]|[iI][oO])|[bB][iI][lL][lL][iI][oO][nN]", LinearRegex.Options)]
    private static partial Regex Millions();

    // The bare number must start a number ("12345 million" is not "2345 million"): the character before it is matched
    // outside the "sum" group, as the linear engine has no lookbehind.
    [GeneratedRegex(@"(?<sum>(US\s?\$|USD|U\.S\.D|R\$|\$|£|GBP|€|EUR)\s?\d{1,3}(?:[,.]\d{3}){2,}|(US\s?\$|USD|\$|£|€)\s?\d{1,4}(?:[.,]\d{1,3})?\s?(million|millions|millionen|milhao|milhoes|millon|millones|milione|milioni|miljoen|billion|m\b))|(?:^|[^\d.,])(?<sum>\d{1,4}(?:[.,]\d{1,3})?\s?((million|billion)\s+(united\s+states\s+|us\s+|u\.s\.\s+)?(dollars|pounds|euros|usd)|(millions|millionen|milhao|milhoes|millon|millones|milione|milioni|miljoen)\s+(de\s+|d'|di\s+)?(dolares|dollars|libras|euros|euro|dollar|dollari|sterline|us-dollar|usd)))",
        LinearRegex.Options | RegexOptions.IgnoreCase)]
    private static partial Regex LargeSum();

    [GeneratedRegex(@"\blate\s+(father|husband|mother|wife|brother|uncle|client|president|head\s+of\s+state|general)|\b(deceased|passed\s+away)\b|\bdied\s+(in|on|of|after)\b|\b(was|were)\s+(killed|assassinated|murdered)\b"
        + @"|\bdying\s+of\s+(\w+\s+)?(cancer|leuka?emia|tumou?r|illness|disease)|\b(fighting|battling|suffering\s+from)\s+(\w+\s+)?(cancer|leuka?emia|tumou?r)|\b(sick|dying|death)\s?bed\b|\b(estou|estoy)\s+(com|con)\s+(\w+\s+)?(cancer|leucemia|tumor)|\bdiagnosed\s+(of|with)\s+(\w+\s+){0,2}(cancer|leuka?emia|tumou?r)|\bshort\s+time\s+to\s+live|\b(estou|esta)\s+(gravemente\s+|muito\s+)?doente|\b(estoy|esta)\s+(gravemente\s+|muy\s+)?enferm|\bgravement\s+malade|\bschwer\s+krank|\bgravemente\s+malat|\bernstig\s+ziek"
        + @"|\b(falecid[oa]|faleceu|morreu|viuva|leito\s+de\s+morte|estado\s+terminal|doente\s+terminal)|\b(fallecid[oa]|fallecio|murio|difunt[oa]|viuda|enfermo\s+terminal|enferma\s+terminal)\b"
        + @"|\b(defunt|decede|feu\s+(mon|ma|son|sa)\s|veuve\b|lit\s+de\s+mort)|\b(verstorben\w*|verstarb|ist\s+gestorben|witwe\b|sterbebett)|\b(deceduto|defunto|e\s+morto|vedova|letto\s+di\s+morte)\b|\b(overleden|stierf|weduwe|sterfbed)\b",
        LinearRegex.Options | RegexOptions.IgnoreCase)]
    private static partial Regex Death();

    [GeneratedRegex(@"\bnext\s+of\s+kin\b|\bbeneficiar(y|ies)\b|\b(heir|inheritance)\b|\b(herdeir[oa]|heranca|herdar\w*|herdei)\b|\b(parente\s+mais\s+proximo|proximo\s+de\s+parentes|pariente\s+mas\s+cercano|plus\s+proche\s+parent|nachste[rn]?\s+(angehorige|verwandte)|parente\s+piu\s+prossimo|naaste\s+familielid)|\bbeneficiari[oa]s?\b|\b(heredero|heredera|herencia|herede)\b"
        + @"|\b(heritier|heritiere|beneficiaire)s?\b|\b(erbschaft|nachlass|alleinerbe|begunstigte[rn]?)\b|\b(erede|eredita)\b|\b(erfgenaam|erfenis|begunstigde)\b",
        LinearRegex.Options | RegexOptions.IgnoreCase)]
    private static partial Regex Heir();

    [GeneratedRegex(@"\b(strictly|strict|highly|absolutely|utmost)\s+(confidential|confidentiality|secrecy)|\bconfidential\s+(business|transaction|proposal|matter)|\bconfidentiality\s+(and|&)\s+(trust|secrecy)"
        + @"|\b(estritamente|estrictamente|altamente|absolutamente)\s+(confidencial|sigiloso|secreto)|\bsigilo\s+absoluto|\b(strictement|absolument)\s+confidentiel|\b(streng|absolut)\s+vertraulich|\b(strettamente|assolutamente)\s+(confidenziale|riservat)|\bstrikt\s+vertrouwelijk",
        LinearRegex.Options | RegexOptions.IgnoreCase)]
    private static partial Regex Secrecy();

    [GeneratedRegex(@"\burgent\s+(business\s+)?(assistance|proposal|transaction|reply|response)|\b(business|mutual)\s+(proposal|transaction)\b|\btrustworthy\s+(partner|person)"
        + @"|\blucrative\s+(deal|business|proposal|transaction|offer)|\bmutually\s+beneficial\s+(transaction|deal|business|proposal|venture)|\b(negocio|transacao|transaccion)\s+lucrativ|\bmutuamente\s+benefic|\baffaire\s+lucrative|\bmutuellement\s+(benefique|avantageu)|\blukrative[sn]?\s+geschaft|\bbeiderseitig\s+vorteilhaft|\baffare\s+(redditizio|lucrativo)|\breciprocamente\s+vantaggios|\blucratieve\s+(deal|zaak|transactie)|\bwederzijds\s+voordelig"
        + @"|\b(pessoa|parceiro|parceira|persona|socio|socia)\s+(confiavel|honesta|honesto|de\s+confianca|de\s+confianza)|\bproposta\s+de\s+negocio|\bpropuesta\s+de\s+negocio|\bpersonne\s+(honnete|de\s+confiance)|\bproposition\s+d'affaires"
        + @"|\b(vertrauenswurdige|ehrliche|zuverlassige)n?\s+(person|partner)|\bgeschaftsvorschlag|\bpersona\s+(onesta|fidata|di\s+fiducia)|\bproposta\s+d'affari|\b(betrouwbare|eerlijke)\s+(persoon|partner)|\bzakelijk\s+voorstel",
        LinearRegex.Options | RegexOptions.IgnoreCase)]
    private static partial Regex Proposal();

    [GeneratedRegex(@"\b(foreign|overseas|offshore)\s+(partner|account|bank\s+account)|\b(parceiro|socio)\s+(estrangeiro|extranjero)|\bpartenaire\s+etranger|\bauslandische[rn]?\s+partner|\bpartner\s+straniero|\bbuitenlandse\s+partner|\btransfer\s+(of\s+)?(the|this|these|such)\s+(sum|fund|funds|money|amount)|\b(fund|funds|money|consignment)\s+(out\s+of|from)\s+(the\s+)?country|\bsecurity\s+(company|firm)|\bdiplomatic\s+(courier|bag|channel)"
        + @"|\btransferi[rd]\w*\s+(o|os|este|estes|esse|esses|el|los|estos)\s+(fundo|fundos|fondo|fondos|dinheiro|dinero|valor|montante|monto)|\b(fundo|fundos|dinheiro|fondos|dinero)\s+(para|em|a|en)\s+(a\s+)?(sua|su)\s+(conta|cuenta)|\bempresa\s+de\s+(seguranca|seguridad)"
        + @"|\btransferer\s+(les|ces|ce|le)\s+(fonds|argent|montant)|\bsociete\s+de\s+securite|\b(geld|gelder|summe|betrag)\s+(auf\s+ihr\s+konto|ins\s+ausland)|\bsicherheitsfirma|\btrasferire\s+(i|il|questi|questo)\s+(fondi|denaro|importo)|\bsocieta\s+di\s+sicurezza|\b(geld|fondsen|bedrag)\s+naar\s+(uw|je)\s+rekening",
        LinearRegex.Options | RegexOptions.IgnoreCase)]
    private static partial Regex Transfer();

    [GeneratedRegex(@"\b\d{1,2}(\.\d+)?\s?(%|percent|per\s+cent)\s+(of\s+the\s+(total\s+)?(sum|fund|funds|money|amount)|for\s+(you|your))"
        + @"|\b\d{1,2}([.,]\d+)?\s?(%|por\s+cento|por\s+ciento|pour\s+cent|prozent|procent|per\s+cento)\s+(do|dos|da|del|de\s+los|de\s+la|du|des|der|dei|van\s+het|van\s+de)\s+(valor\s+)?(total|fundo|fundos|fondo|fondos|fonds|montante|monto|montant|somme|summe|betrag|gesamtsumme|importo|bedrag)"
        + @"|\b\d{1,2}([.,]\d+)?\s?%\s+(\S+\s+){0,4}(para\s+(voce|vc|usted|ti)|pour\s+vous|fur\s+sie|per\s+te|per\s+lei|voor\s+u|voor\s+jou)\b"
        + @"|\b(ofereco|ofereco-lhe|ofrezco|ofrecerle|offre|biete|offro|bied)\w*\s+(\w+\s+){0,2}\d{1,2}([.,]\d+)?\s?%",
        LinearRegex.Options | RegexOptions.IgnoreCase)]
    private static partial Regex Share();

    // The sum given away through the reader, to charity or to the reader: the dying widow's variant. Charity alone is
    // a newsletter's subject, so the gift must go to or through "you" ("I bequeath the sum to you", "into
    // your care", "give you $4,000,000").
    [GeneratedRegex(@"\bdonat(e|ed|ing)\s+(\S+\s+){0,6}(to|through)\s+you\b|\byou\s+have\s+(been\s+(given|awarded)\s+)?a\s+donation\b|\bdoar\s+(\S+\s+){0,6}(para|atraves\s+de|a)\s+(voce|vos|vc)\b|\bdonar\s+(\S+\s+){0,6}(a|para|a\s+traves\s+de)\s+(usted|ti)\b"
        + @"|\b(give|given|giving|bequeath|bequeathed|entrust)\s+(\S+\s+){0,8}(to\s+you|to\s+your\s+care|into\s+your\s+care)\b|\bdonation\s+(\S+\s+){0,3}to\s+you\b|\b(give|giving|donate|bequeath|award)\s+you\s+(a\s+|the\s+|my\s+)?(sum|donation|\$|us\$|usd|£|€|\d)"
        + @"|\b(doacao|entregar|deixar)\s+(\S+\s+){0,12}para\s+(voce|vc)\b|\b(receber|recibir)\s+(uma|una)\s+(doacao|donacion)\b"
        + @"|\b(donner|faire\s+don\s+de)\s+(\S+\s+){0,6}(a|par)\s+vous\b|\b(spenden|vermachen|uberlassen)\s+(\S+\s+){0,6}(an|uber)\s+(sie|dich)\b|\bdonare\s+(\S+\s+){0,6}(a|attraverso)\s+(te|lei|voi)\b|\bdoneren\s+(\S+\s+){0,6}(aan|via)\s+(u|jou)\b",
        LinearRegex.Options | RegexOptions.IgnoreCase)]
    private static partial Regex Donation();

    // The lottery variant: the reader's address was drawn, by a lottery nobody entered.
    [GeneratedRegex(@"\b(lottery|loteria|lotteria|loterie|lotterie|loterij|sorteio|sorteo|lucky\s+(winners?|individuals?|recipients?|people|persons|beneficiar(y|ies))|randomly\s+selected|selected\s+(at\s+)?random(ly)?|selecionad[oa]\s+aleatoriamente|seleccionad[oa]\s+al\s+azar)",
        LinearRegex.Options | RegexOptions.IgnoreCase)]
    private static partial Regex Lottery();

    // The sum released by the International Monetary Fund, whose name lends the story its authority. The United Nations
    // and the World Bank are named as often by charities' newsletters, beside their beneficiaries and their millions.
    [GeneratedRegex(@"\b(international\s+monetary\s+fund|fundo\s+monetario\s+internacional|fondo\s+monetario\s+internacional|fonds\s+monetaire\s+international|internationaler\s+wahrungsfonds|imf|fmi)\b",
        LinearRegex.Options | RegexOptions.IgnoreCase)]
    private static partial Regex Institution();

    // The cash on its way: a consignment, a black box, an ATM card loaded with the sum, a diplomatic agent carrying it.
    [GeneratedRegex(@"\bconsignment\b|\batm\s+(master\s*|visa\s+|debit\s+)?card\b|\bblack\s+(portfolio|box|trunk)\b|\bdiplomatic\s+(agent|delivery)|\bdelivery\s+agent\b|\bcartao\s+(visa|atm)\s+(\S+\s+){0,5}fundo",
        LinearRegex.Options | RegexOptions.IgnoreCase)]
    private static partial Regex Courier();
}
