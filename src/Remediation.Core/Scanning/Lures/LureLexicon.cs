using System.Text.RegularExpressions;
using Remediation.Core.Scanning.Content;

namespace Remediation.Core.Scanning.Lures;

/// <summary>
/// The language of lures in English, German, Portuguese, Spanish, French, Dutch, Italian and Japanese: what the
/// message is about (an account, a payment, a parcel, a prize) and the pressure it puts on the reader. Each topic is
/// one pattern over every language, matched on the subject and body text (case-insensitive, accents as written).
/// The phrases are the everyday wording of the lures, not of any one message; a phrase alone proves nothing, and the
/// rules combine them with each other and with a link.
/// </summary>
internal static partial class LureLexicon
{
    /// <summary>Access to an account is at stake: verify it, it is locked or suspended, sign-in trouble, a password expiring.</summary>
    public static Match Account(string text) => AccountPattern().Match(text);

    /// <summary>Money is asked for or held back: a payment failed, a fee is due, billing details must be updated.</summary>
    public static Match Payment(string text) => PaymentPattern().Match(text);

    /// <summary>A parcel is held: could not be delivered, awaits confirmation, a customs or redelivery fee.</summary>
    public static Match Delivery(string text) => DeliveryPattern().Match(text);

    /// <summary>Something is won or about to be lost: a prize, a gift card, points expiring, a bonus to claim.</summary>
    public static Match Prize(string text) => PrizePattern().Match(text);

    /// <summary>
    /// A wallet drainer's pitch: connect or validate a wallet, a recovery phrase, an airdrop or tokens to claim, funds
    /// to withdraw before a deadline.
    /// </summary>
    public static Match Crypto(string text) => CryptoPattern().Match(text);

    /// <summary>Pressure: a deadline in hours, "immediately", a last notice, something expiring today.</summary>
    public static Match Urgency(string text) => UrgencyPattern().Match(text);

    [GeneratedRegex(
        // English
        @"\b(verify|confirm|validate|update|re-?activate|unlock|restore|secure)\s+(your\s+)?(account|password|mailbox|identity|credentials|login|e-?mail|wallet)\b" +
        @"|\b(account|mailbox|wallet|card)\s+(has\s+been\s+|was\s+|is\s+|will\s+be\s+)?(suspended|locked|disabled|blocked|restricted|deactivated|on\s+hold)\b" +
        @"|\bmailbox\s+(is\s+)?(full|quota)|\b(exceeded|over)\s+(its|your|the)\s+(storage\s+)?quota|\bpassword\s+(will\s+)?expir|\bunusual\s+sign[\s-]?in|\bsign[\s-]?in\s+(attempt|activity)|\bsomeone\s+tried\s+to\s+(log|sign)" +
        // German
        @"|\b(ihr|dein)(e|en)?\s+(konto|kundenkonto|zugang|postfach|karte)\s+(wurde|ist|wird)\s+(gesperrt|eingeschränkt|deaktiviert|gelöscht|vorübergehend)" +
        @"|\b(konto|identität|daten|zugang|kundendaten)\s+(bestätigen|verifizieren|aktualisieren|freischalten|entsperren)|\b(bestätigen|verifizieren|aktualisieren)\s+sie\s+(ihr(e|en)?\s+)?(konto|identität|daten|zugang)|\bverdächtige\s+anmeld|\bkontosperrung|\bsicherheitsüberprüfung" +
        // Portuguese
        @"|\b(sua|seu)\s+(conta|cadastro|acesso|cartão|chave\s+pix)\s+(foi|está|será)\s+(bloquead|suspens|desativad|cancelad|restrit)|\b(desbloqueie|atualize|confirme|valide|regularize|reative)\s+(sua|seu|os\s+seus|seus)\s+(conta|dados|cadastro|acesso|internet\s+banking)|\bbloqueio\s+(da|de\s+sua)\s+conta|\bacesso\s+(suspeito|não\s+reconhecido)" +
        // Spanish
        @"|\bsu\s+(cuenta|acceso|tarjeta)\s+(ha\s+sido|fue|está|será)\s+(bloquead|suspendid|desactivad|restringid|cancelad)|\b(verifique|confirme|actualice|valide|reactive|desbloquee)\s+(su|sus)\s+(cuenta|datos|identidad|acceso)|\binicio\s+de\s+sesión\s+(sospechoso|inusual)" +
        // French
        @"|\bvotre\s+(compte|accès|carte|espace\s+client)\s+(a\s+été|est|sera)\s+(bloqué|suspendu|désactivé|restreint|limité)|\b(vérifier|confirmer|mettre\s+à\s+jour|valider|réactiver|débloquer)\s+(votre|vos)\s+(compte|identité|informations|données|accès)|\bconnexion\s+(suspecte|inhabituelle)" +
        // Dutch
        @"|\b(uw|je|jouw)\s+(account|rekening|toegang|pas|betaalpas)\s+(is|wordt|werd)\s+(geblokkeerd|opgeschort|gedeactiveerd|beperkt|tijdelijk)|\b(verifieer|bevestig|update|controleer|activeer)\s+(uw|je|jouw)\s+(account|gegevens|identiteit|rekening)|\b(gegevens|account|identiteit)\s+(te\s+)?(bevestigen|verifiëren|bijwerken|controleren)|\bverdachte\s+(inlog|aanmeld)" +
        // Italian
        @"|\bil\s+(tuo|suo)\s+(account|conto|accesso|carta)\s+(è\s+stato|è|sarà)\s+(bloccat|sospes|disattivat|limitat)|\b(verifica|conferma|aggiorna|convalida|riattiva|sblocca)\s+(il\s+tuo|i\s+tuoi|il\s+suo|i\s+suoi)\s+(account|dati|conto|accesso)|\baccesso\s+(sospetto|insolito)" +
        // Japanese
        @"|アカウント(が|は)?(停止|ロック|制限|凍結|無効)|(本人|アカウント|情報|お客様情報)(の)?(確認|認証|更新)(が必要|をお願い|してください)|不正(な)?(ログイン|アクセス)|パスワード(の)?(有効期限|期限切れ)",
        LinearRegex.Options | RegexOptions.IgnoreCase)]
    private static partial Regex AccountPattern();

    [GeneratedRegex(
        @"\b(payment|billing|card)\s+(has\s+)?(failed|declined|was\s+declined|could\s+not\s+be\s+processed|problem|issue)\b|\bupdate\s+(your\s+)?(payment|billing)\s+(method|details|information)|\b(unpaid|outstanding|overdue)\s+(invoice|balance|fee|payment)|\bpay\s+(the|a)\s+(small\s+)?(fee|charge|customs)" +
        @"|\bzahlung\s+(ist\s+)?(fehlgeschlagen|abgelehnt|ausstehend)|\bzahlungs(methode|daten|informationen)\s+(aktualisieren|bestätigen)|\b(offene|ausstehende)\s+(rechnung|zahlung|gebühr)|\bgebühr\s+von|\bzahlen\s+sie\s+(die|eine)" +
        @"|\bpagamento\s+(recusado|pendente|não\s+(foi\s+)?(aprovado|processado|identificado))|\b(fatura|boleto|débito)\s+(em\s+aberto|pendente|vencid)|\b(pague|pagar|efetue\s+o\s+pagamento\s+d)\w*\s+(a\s+)?(taxa|tarifa)|\btaxa\s+(de\s+)?(entrega|envio|alfândega|alfandegária|liberação|desbloqueio)" +
        @"|\bpago\s+(rechazado|pendiente|fallido|no\s+(se\s+ha\s+)?(procesado|realizado))|\b(factura|deuda|recibo)\s+(pendiente|impagad|vencid)|\b(pague|abone)\s+(la|una)\s+(tasa|tarifa)|\btasa\s+de\s+(envío|aduana|entrega)" +
        @"|\bpaiement\s+(refusé|rejeté|échoué|en\s+attente|n'a\s+pas\s+(pu\s+)?(être|abouti))|\bfacture\s+(impayée|en\s+attente|en\s+retard)|\b(payer|régler)\s+(les|des)\s+frais|\bfrais\s+de\s+(livraison|douane|réexpédition)" +
        @"|\bbetaling\s+(is\s+)?(mislukt|geweigerd|niet\s+(gelukt|ontvangen|voltooid)|openstaand)|\bopenstaande\s+(factuur|betaling|kosten)|\bbetaal\s+(de|het)\s+(kosten|bedrag)|\b(verzend|bezorg|invoer)kosten\s+(van|betalen)" +
        @"|\bpagamento\s+(non\s+(riuscito|andato\s+a\s+buon\s+fine|autorizzato)|rifiutato|in\s+sospeso)|\bfattura\s+(non\s+pagata|scaduta|in\s+sospeso)|\b(paga|pagare)\s+(la|una)\s+(tassa|commissione)|\b(spese|costi)\s+di\s+(spedizione|sdoganamento)\s+(da\s+pagare|non\s+pagat)" +
        @"|(支払い|お支払い|決済)(が|に)?(失敗|できません|確認できません|未完了|遅延)|(未払い|未納)(の)?(料金|請求)|(お支払い|支払い)(方法|情報)(の)?(更新|確認)",
        LinearRegex.Options | RegexOptions.IgnoreCase)]
    private static partial Regex PaymentPattern();

    [GeneratedRegex(
        @"\b(package|parcel|shipment|delivery)\s+(could\s+not|couldn't|cannot|can't|was\s+not|wasn't)\s+(be\s+)?deliver|\b(package|parcel|shipment)\s+(is\s+)?(on\s+hold|pending|awaiting|held)|\b(redelivery|re-delivery|reschedule\s+(your\s+)?delivery)|\bconfirm\s+(your\s+)?(delivery|shipping)\s+(address|details)" +
        @"|\b(paket|sendung|lieferung)\s+(konnte\s+nicht|wurde\s+nicht|kann\s+nicht|ist\s+unterwegs\s+aber|wartet|liegt)|\b(zustellung|lieferung)\s+(fehlgeschlagen|gescheitert|nicht\s+möglich|ausstehend)|\bzustelladresse\s+(bestätigen|aktualisieren)" +
        @"|\b(encomenda|entrega|pacote|objeto)\s+(não\s+(pôde|pode|foi)\s+(ser\s+)?entreg|está\s+(retid|aguardando|pendente)|retid|tributad)|\b(aguardando|pendente\s+de)\s+(pagamento|confirmação)\s+(para|da)\s+(entrega|envio)" +
        @"|\b(paquete|envío|pedido|entrega)\s+(no\s+(pudo|ha\s+podido|se\s+pudo)\s+(ser\s+)?entreg|está\s+(retenido|pendiente|en\s+espera)|retenido)" +
        @"|\b(colis|livraison|envoi)\s+(n'a\s+(pas\s+)?pu\s+(être\s+)?(livr|distribu)|est\s+(en\s+attente|bloqué|retenu)|en\s+attente)|\b(reprogrammer|confirmer)\s+(la|votre)\s+livraison" +
        @"|\b(pakket|bestelling|zending|levering)\s+(kon\s+niet|is\s+niet|werd\s+niet)\s+(worden\s+)?(bezorgd|geleverd)|\b(pakket|zending)\s+(in\s+afwachting|wacht\s+op|staat\s+klaar)|\bbevestig\s+(je|uw)\s+(bezorg|lever)" +
        @"|\b(pacco|spedizione|consegna)\s+(non\s+(è\s+stat[oa]|può\s+essere)\s+consegnat|in\s+giacenza|in\s+attesa|sospes)" +
        @"|(荷物|お荷物|配達|配送)(が|を|の)?(お届けできません|届けられません|保管|不在|持ち戻り|再配達)",
        LinearRegex.Options | RegexOptions.IgnoreCase)]
    private static partial Regex DeliveryPattern();

    [GeneratedRegex(
        @"\byou('ve|\s+have)\s+(been\s+selected|won)|\b(claim|redeem)\s+(your\s+)?(prize|reward|gift|bonus|points)|\b(gift\s+card|reward|points)\s+(is\s+)?(waiting|expir|will\s+expire)|\bfree\s+spins\b|\b(congratulations|congrats)\b.{0,80}\b(won|winner|selected|reward|prize)" +
        @"|\b(sie\s+haben|du\s+hast)\s+(gewonnen|ausgewählt)|\b(gutschein|prämie|belohnung|geschenk)\s+(einlösen|abholen|wartet|sichern)|\bpunkte\s+(verfallen|laufen\s+ab)|\bgratis[\s-]?(spins|drehungen)|\bherzlichen\s+glückwunsch\b.{0,80}\b(gewonnen|gewinner|ausgewählt)" +
        @"|\bvocê\s+(ganhou|foi\s+(selecionad|sortead))|\b(resgate|resgatar)\s+(seu|sua|seus|suas|agora|já)|\bpontos\s+(\w+\s+){0,2}(expiram|vão\s+expirar|vencem|a\s+expirar)|\b(prêmio|bônus|brinde|recompensa)\s+(exclusiv|esperando|disponível|para\s+você)|\bgiros\s+grátis" +
        @"|\b(usted\s+ha|has)\s+(ganado|sido\s+seleccionad)|\b(canjea|reclama|canjear|reclamar)\s+(tu|su)\s+(premio|regalo|recompensa|bono)|\bpuntos\s+(caducan|expiran|van\s+a\s+caducar)|\btiradas\s+gratis" +
        @"|\bvous\s+avez\s+(gagné|été\s+sélectionné)|\b(réclamez|récupérez|profitez\s+de)\s+(votre|vos)\s+(cadeau|récompense|gain|bonus|points)|\bpoints\s+(expirent|vont\s+expirer)|\btours\s+gratuits" +
        @"|\b(u\s+heeft|je\s+hebt)\s+(gewonnen|een\s+prijs)|\b(claim|verzilver|ontvang)\s+(uw|je)\s+(prijs|beloning|cadeau|tegoed|cadeaubon)|\bpunten\s+(vervallen|verlopen)|\bgratis\s+spins" +
        @"|\b(hai|ha)\s+(vinto|stato\s+selezionat)|\b(riscatta|richiedi|ritira)\s+(il\s+tuo|il\s+suo)\s+(premio|regalo|buono|bonus)|\bpunti\s+(scadono|in\s+scadenza|stanno\s+per\s+scadere)|\bgiri\s+gratis" +
        @"|当選(しました|のお知らせ)|(ポイント)(が|の)?(失効|有効期限)|(プレゼント|ギフト券|賞品)(を)?(受け取|進呈)",
        LinearRegex.Options | RegexOptions.IgnoreCase)]
    private static partial Regex PrizePattern();

    [GeneratedRegex(
        @"\b(connect|validate|verify|synchroni[sz]e|upgrade|migrate|restore)\s+(your\s+)?(wallet|metamask|ledger|trezor)\b|\b(seed|recovery|secret)\s+(phrase|words)\b|\bairdrop\b|\bclaim\s+(your\s+)?(tokens?|nft|airdrop|allocation|rewards?)\b|\bfree\s+mint\b|\bwithdraw\s+(your\s+)?(funds|assets|balance|crypto)\b|\b(unclaimed|pending)\s+(tokens?|crypto|bitcoin|btc|usdt|eth)\b" +
        @"|\b(wallet|krypto-?wallet)\s+(verifizieren|bestätigen|synchronisieren)|\b(wiederherstellungsphrase|seed-phrase)|\b(carteira)\s+(será|foi)\s+(bloquead|suspens)|\b(frase\s+(de\s+)?(recuperação|semente|recuperación))|\b(portefeuille)\s+(sera|a\s+été)\s+(bloqué|suspendu)|\bphrase\s+de\s+récupération" +
        @"|(ウォレット)(の)?(認証|同期|接続)|(リカバリー|シード)フレーズ",
        LinearRegex.Options | RegexOptions.IgnoreCase)]
    private static partial Regex CryptoPattern();

    [GeneratedRegex(
        @"\b(will\s+be|has\s+been|have\s+been)\s+(suspended|disabled|deactivated|locked|closed|terminated|deleted|cancell?ed|returned)|\bwithin\s+(the\s+next\s+)?(24|48|72|12|2|3)\s*(hours|hrs|h|days)\b|\baction\s+required\b|\bimmediately\b|\bfinal\s+(notice|warning|reminder)\b|\b(last|final)\s+chance\b|\bexpires?\s+(today|tonight|soon)\b" +
        @"|\binnerhalb\s+(von\s+)?(24|48|72|12)\s*stunden|\b(sofort|umgehend|unverzüglich)\b|\bletzte\s+(mahnung|erinnerung|chance|warnung)|\bläuft\s+(heute|bald)\s+ab|\bhandlungsbedarf" +
        @"|\b(em|dentro\s+de)\s+(24|48|72|12)\s*horas|\bimediatamente\b|\búltim[oa]\s+(aviso|chance|oportunidade|dia)|\bexpira\s+(hoje|em\s+breve)|\burgente\b" +
        @"|\b(en|dentro\s+de\s+las)\s+(24|48|72|12)\s*horas|\binmediatamente\b|\búltim[oa]\s+(aviso|oportunidad|recordatorio)|\bcaduca\s+(hoy|pronto)" +
        @"|\b(sous|dans\s+les)\s+(24|48|72|12)\s*(heures|h)\b|\bimmédiatement\b|\bdernier\s+(avis|rappel|délai)|\bdernière\s+chance|\bexpire\s+(aujourd'hui|bientôt)" +
        @"|\bbinnen\s+(24|48|72|12)\s*uur|\bonmiddellijk\b|\blaatste\s+(herinnering|kans|waarschuwing)|\bverloopt\s+(vandaag|binnenkort)" +
        @"|\bentro\s+(24|48|72|12)\s*ore|\bimmediatamente\b|\bultimo\s+(avviso|sollecito|giorno)|\bultima\s+(possibilità|occasione)|\bscade\s+(oggi|a\s+breve)" +
        @"|(24|48|72)時間以内|至急|直ちに|本日中|期限(が|は)?(迫|切れ)",
        LinearRegex.Options | RegexOptions.IgnoreCase)]
    private static partial Regex UrgencyPattern();
}
