using System.Text.RegularExpressions;
using Remediation.Core.Scanning.Content;

namespace Remediation.Core.Scanning.Brands;

/// <summary>
/// The words a brand's own service mail is made of (account, password, parcel, invoice, card, points…) in the
/// languages of the lures. A brand named beside them speaks as the brand; a brand named without them is talked about.
/// German joins its nouns, so a voucher is any word ending in "gutschein" ("Einkaufsgutschein").
/// </summary>
internal static partial class ServiceWords
{
    public static Match In(string text) => Pattern().Match(text);

    /// <summary>
    /// The desk a brand's mail signs with in a sender name ("Ripple Team", "Equipe Stellar"): beside an ambiguous name
    /// it makes the name the brand's, as a person or a thing is never signed that way.
    /// </summary>
    public static bool NameTheDesk(string senderName) => Desk().IsMatch(senderName);

    [GeneratedRegex(
        // English
        @"\b(account|password|passcode|sign[\s-]?in|log[\s-]?in|verif(y|ication)|confirm|security|suspend|locked|blocked|invoice|payment|billing|refund|parcel|package|deliver|shipment|tracking|subscription|membership|card|points|rewards?|expir|renew|wallet|recovery phrase|seed phrase|tax|order" +
        // German
        @"|konto|kundenkonto|passwort|anmeld|best[aä]tig|verifizier|sicherheit|gesperrt|sperrung|rechnung|zahlung|erstattung|paket|sendung|zustell|lieferung|abonnement|mitgliedschaft|karte|punkte|pr[aä]mie|abgelaufen|aktualisier|steuer|\w*gutschein|geschenkkarte" +
        // Portuguese
        @"|conta|senha|acesso|verifica|seguran[cç]a|bloquead|suspens|fatura|boleto|pagamento|reembolso|restitui|encomenda|pacote|entrega|retirada|rastre|assinatura|cart[aã]o|cart[oõ]es|pontos|atualiz|imposto|taxa|pend[eê]ncia|pendente|libera[cç][aã]o" +
        // Spanish
        @"|cuenta|contrase[nñ]a|verific|seguridad|suspendid|factura|pago|paquete|env[ií]o|seguimiento|suscripci[oó]n|tarjeta|puntos|caduc|actualiz|impuesto|devoluci[oó]n" +
        // French
        @"|compte|mot de passe|connexion|v[eé]rifi|s[eé]curit[eé]|bloqu[eé]|suspendu|facture|paiement|rembours|colis|livraison|suivi|carte|expir|mise [aà] jour|imp[oô]t|amende" +
        // Dutch
        @"|rekening|wachtwoord|inlog|bevestig|beveiliging|geblokkeerd|factuur|betaling|terugbetaling|pakket|bezorg|zending|punten|verlop|bijwerken|belasting|toeslag" +
        // Italian
        @"|conto|accesso|conferma|sicurezza|bloccat|sospes|fattura|rimborso|pacco|spedizione|consegna|abbonamento|carta|punti|scadut|aggiorna|tasse|multa)" +
        // Japanese, written without spaces, so without word boundaries
        @"|アカウント|パスワード|ログイン|確認|認証|セキュリティ|停止|制限|請求|支払|返金|荷物|配達|配送|お届け|不在|会員|カード|ポイント|有効期限|更新|還付",
        LinearRegex.Options | RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();

    [GeneratedRegex(
        @"\b(team|support|community|foundation|official|customer\s+(service|care)|help\s?desk|notifications?|notices?|alerts?" +
        @"|kundenservice|kundendienst|support-team|equipe|suporte|atendimento|comunicado\s+ao\s+cliente|equipo|soporte|atencion\s+al\s+cliente" +
        @"|service\s+client|klantenservice|assistenza|servizio\s+clienti)\b",
        LinearRegex.Options | RegexOptions.IgnoreCase)]
    private static partial Regex Desk();
}
