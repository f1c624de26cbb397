using System.Text.RegularExpressions;
using Remediation.Core.Scanning.Brands;
using Remediation.Core.Scanning.Content;
using Remediation.Core.Scanning.Lures;

namespace Remediation.Core.Scanning.Rules;

/// <summary>
/// Callback phishing: a charge, a renewal or an order the reader never made, and a telephone number to call to cancel
/// or dispute it. There is no link for a filter to follow; the call is the payload, where a false agent takes card
/// details or has the reader install remote access. A shop's or a bank's real notice links to the order or the
/// account, so the rule wants nothing to click, in the body or in an attachment, a sum billed, the dispute and a
/// number to call; an account statement, which lists payments between its balances and says whom to call about one,
/// is not a bill. A bank's own card alert can read the same way ("if you did not make this purchase, call us"): mail
/// from a catalogue brand's domain or this tenant's (every sender address there) is left to the brand rule, which
/// judges whether that address is proven. Read in the lexicon's languages without accents.
/// </summary>
public sealed partial class CallbackLureRule(BrandCatalogue catalogue) : IScanRule
{
    public const string Name = "CALLBACK_LURE";

    public IEnumerable<RuleHit> Evaluate(ScannedMessage message)
    {
        if (message.AnchorLinks.Count > 0 || message.AttachmentLinks.Count > 0 || HttpUrls.In(message.Text).Any()) yield break;
        var senders = message.Senders.ToList();
        if (senders.Count > 0 && senders.All(s => catalogue.IsBrandSender(s.Domain) || catalogue.IsTenantDomain(s.Domain))) yield break;
        var text = message.FoldedWording;
        var charge = Charge().Match(text);
        if (!charge.Success || !Sum().IsMatch(text) || Statement().IsMatch(text)) yield break;
        var dispute = Dispute().Match(text);
        var call = dispute.Success ? CallANumber().Match(text) : Match.Empty;
        if (!call.Success) yield break;
        var (extra, from) = LureEvidence.AroundContent(message);
        yield return new RuleHit(Name, 4 + extra, ThreatCategory.Phishing,
            $"Bills the reader (\"{charge.Value}\") and asks for a call to dispute it (\"{dispute.Value}\", \"{call.Value}\"), with nothing to click{from}.")
        { WeightAroundContent = extra };
    }

    // Something bought or renewed in the reader's name, or a purchase "held for review" that only a call can stop.
    [GeneratedRegex(
        @"\b(subscription|membership|plan|order|purchase|renewal|payment|transaction|invoice)\b.{0,60}\b(renewed|processed|charged|debited|confirmed|completed|approved|placed|billed|deducted)\b|\bauto[\s-]?renew|\b(you\s+have\s+been|you\s+were|you\s+will\s+be)\s+(charged|billed|debited)" +
        @"|\b(abonnement|mitgliedschaft|bestellung|kauf|zahlung|rechnung|verlangerung)\b.{0,60}\b(verlangert|abgebucht|belastet|bestatigt|abgeschlossen|berechnet)\b" +
        @"|\b(assinatura|plano|pedido|compra|pagamento|fatura|renovacao|transacao)\b.{0,60}\b(renovad[oa]|processad[oa]|debitad[oa]|cobrad[oa]|confirmad[oa]|aprovad[oa])\b" +
        @"|\b(foi|foram)\s+(solicitad|realizad|efetuad|aprovad)[oa]s?\s+(uma?\s+)?(compra|transacao|transferencia|pagamento|pix)\b" +
        @"|\b(compra|transacao)\b.{0,60}\b(em\s+analise|retid[oa])\b" +
        @"|\b(suscripcion|membresia|pedido|compra|pago|factura|renovacion|transaccion)\b.{0,60}\b(renovad[oa]|procesad[oa]|cargad[oa]|cobrad[oa]|confirmad[oa]|aprobad[oa])\b" +
        @"|\b(compra|transaccion)\b.{0,60}\b(en\s+revision|retenid[oa])\b" +
        @"|\b(abonnement|commande|achat|paiement|facture|renouvellement|transaction)\b.{0,60}\b(renouvele|traite|debite|preleve|confirme|valide)e?s?\b" +
        @"|\b(abonnement|lidmaatschap|bestelling|aankoop|betaling|factuur|verlenging|transactie)\b.{0,60}\b(verlengd|verwerkt|afgeschreven|bevestigd|goedgekeurd|gefactureerd)\b" +
        @"|\b(abbonamento|iscrizione|ordine|acquisto|pagamento|fattura|rinnovo|transazione)\b.{0,60}\b(rinnovat[oa]|elaborat[oa]|addebitat[oa]|confermat[oa]|approvat[oa])\b" +
        @"|(ご請求|お支払い|ご注文|自動更新|購読).{0,30}(完了|確定|更新|処理)",
        LinearRegex.Options | RegexOptions.IgnoreCase)]
    private static partial Regex Charge();

    // An account statement: the balances a period opens and closes with. It lists payments and tells the reader whom to
    // call about one they did not make, as a bank's statement does; a callback lure bills one charge and has no balances.
    [GeneratedRegex(
        @"\b(opening|closing|previous|starting|ending)\s+balance\b|\bsaldo\s+(anterior|inicial|final|inicio|fim)\b|\b(anfangs|end|alter|neuer)\s?saldo\b" +
        @"|\bsolde\s+(initial|final|precedent|de\s+cloture|d'ouverture)\b|\b(begin|eind)saldo\b|\bsaldo\s+(iniziale|finale|precedente)\b|(前月|今月)残高|繰越残高",
        LinearRegex.Options | RegexOptions.IgnoreCase)]
    private static partial Regex Statement();

    [GeneratedRegex(@"(\$|€|£|\bus\$|\br\$|\busd|\beur|\bgbp)\s?\d[\d.,]*|\b\d[\d.,]*\s?(\$|€|£|usd\b|eur\b|euros?\b|dollars?\b|reais\b|gbp\b)|\d[\d,]*\s?円", LinearRegex.Options | RegexOptions.IgnoreCase)]
    private static partial Regex Sum();

    // The charge the reader did not make, and what a call would do about it.
    [GeneratedRegex(
        @"\bif\s+(you\s+)?(did\s+not|didn'?t|do\s+not|don'?t|never)\s+(make|authori[sz]e|place|request|recogni[sz]e|initiate|order|want)|\bnot\s+authori[sz]ed\s+by\s+you|\b(to|wish\s+to|want\s+to)\s+(cancel|dispute|stop|reverse)\b|\bfor\s+(a\s+|any\s+)?(refund|cancellation)" +
        @"|\bnicht\s+(von\s+ihnen\s+)?(autorisiert|veranlasst|getatigt|bestellt)|\b(stornieren|stornierung|kundigen|widerrufen|ruckerstattung)\b" +
        @"|\bnao\s+(reconhece|reconheca|autorizou|realizou|fez|solicitou)|\b(cancelar|cancelamento|estorno|reembolso|contestar)\b" +
        @"|\bno\s+(reconoce|autorizo|realizo|solicito)|\b(cancelar|cancelacion|reembolso|disputar|reclamar)\b" +
        @"|\b(pas|jamais)\s+(autorise|effectue|reconnu|commande)|\b(annuler|annulation|remboursement|contester)\b" +
        @"|\bniet\s+(herkent|geautoriseerd|gedaan|besteld|aangevraagd)|\b(annuleren|annulering|terugbetaling|betwisten)\b" +
        @"|\bnon\s+(riconosci|riconosce|autorizzat|effettuat|richiest)|\b(annullare|annullamento|rimborso|contestare)\b" +
        @"|身に覚えのない|キャンセル|返金",
        LinearRegex.Options | RegexOptions.IgnoreCase)]
    private static partial Regex Dispute();

    // A call asked for, and the number right after it: North American, international with its +, a national number
    // written with separators, or a Brazilian company's number dialled alike in every city (4004-0001, 3003-1234).
    // Order numbers are digits without them.
    [GeneratedRegex(
        @"\b(call|ring|dial|contact|reach)(\s+\w+){0,6}?[\s:]+(\+\d[\d\s().-]{7,16}\d|\(?\b\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b|\b1[\s.-]\d{3}[\s.-]\d{3}[\s.-]\d{4}\b)" +
        @"|\b(rufen|anrufen|kontaktieren|ligue|ligar|contate|llame|llamenos|contacte|appelez|contactez|composez|bel|chiami|chiama|contatti)(\s+\w+){0,6}?[\s:]+(\+\d[\d\s().-]{7,16}\d|\b0\d{1,4}[\s/.-]\d{2,4}[\s.-]?\d{2,6}\b|\(?\b\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b|\b[34]00\d[\s.-]\d{4}\b)" +
        @"|(お電話|電話番号|ご連絡)[^\d]{0,10}(\+?\d[\d\s().-]{7,16}\d)",
        LinearRegex.Options | RegexOptions.IgnoreCase)]
    private static partial Regex CallANumber();
}
