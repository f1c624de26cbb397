using System.Text.RegularExpressions;
using Remediation.Core.Scanning.Content;

namespace Remediation.Core.Scanning.Lures;

/// <summary>
/// The language of lures in English, German, Portuguese, Spanish, French, Dutch, Italian and Japanese: what the
/// message is about (an account, a payment, a parcel, a prize) and the pressure it puts on the reader. Each topic is
/// one pattern over every language, matched on the subject and body text with diacritics removed (lures are written
/// with and without accents, so the patterns are written without), case-insensitive.
/// The phrases are the everyday wording of the lures, not of any one message; a phrase alone proves nothing, and the
/// rules combine them with each other and with a link.
/// </summary>
internal static class LureLexicon
{
    /// <summary>
    /// Access to an account is at stake: verify it, it is locked or suspended, sign-in trouble, a password expiring or
    /// kept; or something waits behind its sign-in: full storage, held mail, a voicemail, a fax or a shared file.
    /// </summary>
    public static Match Account(string text) => FirstMatch(AccountPatterns, text);

    /// <summary>
    /// Money is asked for or held back: a payment failed, a fee is due, billing details must be updated, or money owed
    /// to the reader waits for release (Brazil's "valores a receber", a tax refund "liberada") or is about to be wiped
    /// out ("your balance will be zeroed").
    /// </summary>
    public static Match Payment(string text) => FirstMatch(PaymentPatterns, text);

    /// <summary>A parcel is held: could not be delivered, awaits confirmation, a customs or redelivery fee.</summary>
    public static Match Delivery(string text) => FirstMatch(DeliveryPatterns, text);

    /// <summary>Something is won or about to be lost: a prize, a gift card, points expiring, a bonus to claim.</summary>
    public static Match Prize(string text) => FirstMatch(PrizePatterns, text);

    /// <summary>A survey to answer, as the reward scam asks for one before its prize.</summary>
    public static Match Survey(string text) => FirstMatch(SurveyPatterns, text);

    /// <summary>
    /// A wallet drainer's pitch: connect or validate a wallet, a recovery phrase, an airdrop or tokens to claim, funds
    /// to withdraw before a deadline, a fake mining or trading platform's balance waiting to be withdrawn.
    /// </summary>
    public static Match Crypto(string text) => FirstMatch(CryptoPatterns, text);

    /// <summary>
    /// A court or police notice aimed at the reader: a summons or subpoena, a warrant, a hearing, a complaint or a case
    /// "against you" or "in your name". The news reports cases too, so each phrase is the notice served, not the case told.
    /// </summary>
    public static Match Legal(string text) => FirstMatch(LegalPatterns, text);

    /// <summary>Payment redirection: the bank details to pay into have changed.</summary>
    public static Match BankChange(string text) => FirstMatch(BankChangePatterns, text);

    /// <summary>The gift-card request of business email compromise: buy cards, send the codes.</summary>
    public static Match GiftCards(string text) => FirstMatch(GiftCardsPatterns, text);

    /// <summary>Pressure: a deadline in hours, "immediately", a last notice, something expiring today, an account blocked or cancelled, a balance wiped out, a password kept only by acting.</summary>
    public static Match Urgency(string text) => FirstMatch(UrgencyPatterns, text);

    // The webmail kit's offer: act "to keep using your current password", an account matter and its threat (a new
    // password otherwise) in one phrase. No service asks for a password in order to leave it unchanged; an IT notice
    // says the user "can keep using" it, so only the offer's purpose clause counts.
    private const string KeepPassword =
        @"\bto\s+(continue\s+(using|with)|retain|keep\s+using|keep)\s+(your\s+|the\s+|my\s+)?(current|same|existing|active)\s+password\b" +
        @"|\bpara\s+(manter|continuar\s+(usando|com|a\s+usar))\s+(a\s+)?(minha\s+|sua\s+)?(senha\s+atual|mesma\s+senha)\b|\bpara\s+(mantener|conservar|seguir\s+usando|continuar\s+(usando|con))\s+(la\s+|su\s+|mi\s+)?(misma\s+contrasena|contrasena\s+actual)\b" +
        @"|\bpour\s+(garder|conserver|continuer\s+a\s+utiliser)\s+(le\s+|votre\s+|mon\s+)?(meme\s+mot\s+de\s+passe|mot\s+de\s+passe\s+actuel)\b|\bum\s+(ihr|dein)(e[sn]?)?\s+(aktuelle[sn]?|bisherige[sn]?)\s+(passwort|kennwort)\s+(zu\s+)?(behalten|beibehalten|weiter\s*zu\s*(verwenden|nutzen))\b" +
        @"|\bom\s+(uw|je)\s+(huidige|hetzelfde)\s+wachtwoord\s+te\s+(behouden|houden|blijven\s+gebruiken)\b|\bper\s+(mantenere|conservare|continuare\s+a\s+usare)\s+(la\s+)?(stessa\s+password|password\s+attuale)\b" +
        @"|(現在の|同じ)パスワード(を)?(引き続き(ご)?(利用|使用)|維持|保持)(する|になる)?(には|ために)";

    // Written one alternative per language (and per family of phrases), compiled into as few patterns as fit.
    private static readonly Regex[] AccountPatterns = Compile(
        KeepPassword,
        @"\b(verify|confirm|validate|update|re-?activate|unlock|restore|secure)\s+(your\s+)?(account|password|mailbox|identity|credentials|login|e-?mail|wallet)\b|\b(account|identity|wallet|kyc)\s+(verification|validation|confirmation)\s+(is\s+)?(required|needed|pending)",
        @"\b(account|mailbox|wallet|card)\s+(has\s+been\s+|was\s+|is\s+|will\s+be\s+)?(temporarily\s+|permanently\s+)?(suspended|locked|disabled|blocked|restricted|deactivated|(put\s+|placed\s+)?on\s+hold)\b|\b(placed|put)\s+(a\s+)?(temporary\s+)?hold\s+on\s+your\s+(\w+\s+)?account\b",
        @"\bmailbox\s+(is\s+)?(full|quota)|\b(exceeded|over)\s+(its|your|the)\s+(storage\s+)?quota|\bpassword\s+(will\s+)?expir|\bunusual\s+sign[\s-]?in|\bsign[\s-]?in\s+(attempt|activity)|\bsomeone\s+tried\s+to\s+(log|sign)",
        // The password that expires and the mailbox that is full, in the other languages.
        @"\bsenha\s+(\S+\s+){0,4}(expirou|expira|expirara|expirada|vai\s+expirar)\b|\bcontrasena\s+(\S+\s+){0,4}(caduc|expir)|\bmot\s+de\s+passe\s+(\S+\s+){0,4}expir|\bpasswort\s+(\S+\s+){0,4}(abgelaufen|lauft\s+(\S+\s+)?ab\b)|\bwachtwoord\s+(\S+\s+){0,4}(verlopen|verloopt)|\bpassword\s+(\S+\s+){0,4}(scadut|scade|scadra)|\b(caixa\s+(postal|de\s+correio)|postfach|buzon|boite\s+(aux\s+lettres|mail)|mailbox|casella\s+(di\s+posta|email))\s+(\S+\s+){0,4}(cheia|lotada|voll|lleno|llena|pleine|vol|piena)\b",
        @"\b(ihr|dein)(e|en)?\s+(konto|kundenkonto|zugang|postfach|karte)\s+(wurde|ist|wird)\s+(gesperrt|eingeschrankt|deaktiviert|geloscht|vorubergehend)",
        @"\b(konto|identitat|daten|zugang|kundendaten|kontoinformationen|kontodaten)\s+(zu\s+)?(bestatigen|verifizieren|aktualisieren|freischalten|entsperren)|\b(bestatigen|verifizieren|aktualisieren)\s+sie\s+(jetzt\s+|bitte\s+)?(ihr(e|en)?\s+)?(konto\w*|identitat|daten|zugang|kundendaten)|\bverdachtige\s+anmeld|\bkontosperrung|\bsicherheitsuberprufung",
        @"\b(sua|seu)\s+(conta|cadastro|acesso|cartao|chave\s+pix)(\s+\w+)?\s+(foi|esta|sera)\s+(temporariamente\s+|permanentemente\s+)?(bloquead|suspens|desativad|cancelad|restrit)|\b(desbloqueie|atualize|confirme|valide|regularize|reative)\s+(sua|seu|os\s+seus|seus)\s+(conta|dados|cadastro|acesso|internet\s+banking)|\bbloqueio\s+(da|de\s+sua)\s+conta|\bacesso\s+(suspeito|nao\s+reconhecido)|\b(novo|um)\s+acesso\s+(a|em)\s+sua\s+conta|\b(voce|sua\s+conta)\s+foi\s+(bloquead|suspens|desativad)",
        @"\bsu\s+(cuenta|acceso|tarjeta)\s+(ha\s+sido|fue|esta|sera)\s+(temporalmente\s+|permanentemente\s+)?(bloquead|suspendid|desactivad|restringid|cancelad)|\b(verifique|confirme|actualice|valide|reactive|desbloquee)\s+(su|sus)\s+(cuenta|datos|identidad|acceso)|\binicio\s+de\s+sesion\s+(sospechoso|inusual)",
        @"\bvotre\s+(compte|acces|carte|espace\s+client)\s+(a\s+ete|est|sera)\s+(temporairement\s+|definitivement\s+)?(bloque|suspendu|desactive|restreint|limite)|\b(verifi(er|ez)|confirm(er|ez)|mett(re|ez)\s+a\s+jour|valid(er|ez)|reactiv(er|ez)|debloqu(er|ez))\s+(votre|vos)\s+(compte|identite|informations|donnees|acces)|\bconnexion\s+(suspecte|inhabituelle)",
        @"\b(uw|je|jouw)\s+(account|rekening|toegang|pas|betaalpas)\s+(is|wordt|werd)\s+(geblokkeerd|opgeschort|gedeactiveerd|beperkt|tijdelijk)|\b(verifieer|bevestig|update|controleer|activeer)\s+(uw|je|jouw)\s+(account|gegevens|identiteit|rekening)|\b(gegevens|account|identiteit)\s+(te\s+)?(bevestigen|verifieren|bijwerken|controleren)|\bverdachte\s+(inlog|aanmeld)",
        @"\bil\s+(tuo|suo)\s+(account|conto|accesso|carta)\s+(e\s+stato|e|sara)\s+(temporaneamente\s+|definitivamente\s+)?(bloccat|sospes|disattivat|limitat)|\b(verifica|conferma|aggiorna|convalida|riattiva|sblocca)\s+(il\s+tuo|i\s+tuoi|il\s+suo|i\s+suoi)\s+(account|dati|conto|accesso)|\baccesso\s+(sospetto|insolito)",
        @"アカウント(が|は)?(停止|ロック|制限|凍結|無効)|(本人|アカウント|情報|お客様情報)(の)?(確認|認証|更新)(が必要|をお願い|してください)|不正(な)?(ログイン|アクセス)|パスワード(の)?(有効期限|期限切れ)",
        // A card about to expire, and a Brazilian "pending issue" in the customer's record: the banks' lures.
        @"\b(debit|credit|bank|atm)\s+card\s+(will\s+expire|expires|has\s+expired|is\s+expiring)\b|\b(ihre|deine)\s+(bank|debit|giro|kredit)?karte\s+(lauft\s+(\S+\s+)?ab|ist\s+abgelaufen)\b" +
        @"|\bseu\s+cartao\s+(vai\s+expirar|expira|expirou|esta\s+vencido|vence)\b|\bpendencia\s+(\S+\s+){0,3}(cadastro|cadastral|conta|cpf)\b|\bsu\s+tarjeta\s+(caduca|ha\s+caducado|expira|ha\s+expirado|vence)\b" +
        @"|\bvotre\s+carte\s+(bancaire\s+)?(expire|a\s+expire|arrive\s+a\s+expiration)\b|\b(uw|je)\s+(bank)?pas\s+(verloopt|is\s+verlopen)\b|\b(la\s+)?(tua|sua)\s+carta\s+(scade|e\s+scaduta|sta\s+per\s+scadere)\b",
        // Cloud storage that is full, mail held back from the reader, a second factor to set up again, a voicemail, a fax
        // or a shared file waiting: the pretexts of the webmail and cloud kits for their sign-in page. Real shares and
        // voicemails say the same words without the pressure, and the credential lure needs both.
        @"\bshared\s+(a|an|the|\d+)\s+(new\s+)?(file|document|folder|pdf|spreadsheet|invoice)s?\s+with\s+you\b|" +
        @"\b(new|unread|missed|pending)\s+(voice\s*mails?|voice\s+messages?|audio\s+messages?|fax(es)?)\b|\b(listen\s+to|play)\s+(the\s+|your\s+)?(voice\s*mail|voice\s+message|audio\s+message)\b|\bvoice\s*mail\s+(from|received|waiting)\b" +
        @"|\b(neue|ungelesene)\s+(sprachnachricht|voicemail|faxnachricht)|\b(nova|novo)\s+(mensagem\s+de\s+voz|correio\s+de\s+voz|fax)\b|\b(nuevo|nueva)\s+(mensaje\s+de\s+voz|buzon\s+de\s+voz|fax)\b|\bnouveau\s+(message\s+vocal|fax)\b|\bnieuw\s+(voicemailbericht|spraakbericht|fax)\b|\bnuovo\s+(messaggio\s+vocale|fax)\b" +
        @"|\b(cloud|icloud|onedrive|google|drive|dropbox|e-?mail|account)\s+storage\s+(space\s+)?(is\s+)?(almost\s+|nearly\s+|completely\s+)?full\b|\bout\s+of\s+(cloud\s+|icloud\s+)?storage\b" +
        @"|\(?\b\d{1,3}\)?\s+(pending|undelivered|held|incoming|blocked|quarantined|unreceived)\s+(e-?mails?|messages?)\b|\brelease\s+(your\s+|the\s+|all\s+)?(pending\s+|held\s+|blocked\s+|quarantined\s+|incoming\s+)?(e-?mails?|messages?)\b" +
        @"|\b(set\s*up|enrol+|re-?enrol+|re-?authenticate|re-?register|re-?configure|re-?validate|update|verify|renew)\s+(your\s+)?(mfa|2fa|multi-?factor(\s+authentication)?|two-?factor(\s+authentication)?|authenticator(\s+app)?)\b" +
        @"|\b(mfa|2fa|multi-?factor|two-?factor)(\s+authentication)?\s+(re-?)?(enrol+ment|verification|re-?authentication|setup|update|registration)\s+(is\s+)?(required|needed|pending|expir)",
        @"\b(speicher(platz)?|cloud-?speicher|icloud-?speicher)\s+(\S+\s+){0,2}(ist\s+)?(fast\s+|bald\s+)?voll\b|\barmazenamento\s+(\S+\s+){0,3}(esta\s+)?(quase\s+)?(cheio|lotado|esgotado)\b|\balmacenamiento\s+(\S+\s+){0,3}(esta\s+)?(casi\s+)?(lleno|agotado)\b" +
        @"|\b(espace\s+de\s+)?stockage\s+(\S+\s+){0,3}(est\s+)?(presque\s+)?(plein|sature)\b|\bopslag(ruimte)?\s+(\S+\s+){0,3}(is\s+)?(bijna\s+)?vol\b|\barchiviazione\s+(\S+\s+){0,3}(e\s+)?(quasi\s+)?(pien[oa]|esaurit[oa])\b" +
        @"|\b\d{1,3}\s+(mensagens|e-?mails)\s+(pendentes|retid[ao]s|bloquead[ao]s)\b|\b\d{1,3}\s+(mensajes|correos)\s+(pendientes|retenidos|bloqueados)\b|\b\d{1,3}\s+(ausstehende|zuruckgehaltene|blockierte)\s+(e-?mails|nachrichten)\b" +
        @"|\b\d{1,3}\s+(messages|e-?mails|courriels)\s+(en\s+attente|bloques|retenus)\b|\b\d{1,3}\s+(berichten|e-?mails)\s+(in\s+afwachting|geblokkeerd|vastgehouden)\b|\b\d{1,3}\s+(messaggi|e-?mail)\s+(in\s+attesa|bloccat[ie]|trattenut[ie])\b" +
        @"|ストレージ(の)?(容量)?(が|は)?(いっぱい|不足|上限)|(保留中|未配信)の(メール|メッセージ)");

    // Money held for the reader, to be wiped out: the topic of a payment lure and its pressure at once.
    private const string BalanceForfeited =
        @"\b(balance|funds|earnings|winnings)\s+(will|shall)\s+be\s+(cleared|reset|zeroed|lost|forfeited|burned|wiped|cancell?ed|deleted)\b|\bguthaben\s+(verfallt|wird\s+(\w+\s+)?(verfallen|geloscht|annulliert|zuruckgesetzt))\b" +
        @"|\bsaldo\s+(sera|vai\s+ser|va\s+a\s+ser|sara|verra)\s+(zerado|perdido|cancelado|excluido|eliminado|borrado|anulado|azzerato|perso|cancellato|annullato)\b" +
        @"|\bsolde\s+sera\s+(perdu|supprime|annule|remis\s+a\s+zero|reinitialise)\b|\btegoed\s+(vervalt|(wordt\s+)?(verwijderd|geannuleerd|op\s+nul\s+gezet))\b|残高(が|は)?(失効|消滅|リセット)";

    private static readonly Regex[] PaymentPatterns = Compile(
        @"\b(payment|billing|card)\s+(has\s+)?(failed|declined|was\s+declined|could\s+not\s+be\s+processed|problem|issue)\b|\bupdate\s+(your\s+)?(payment|billing)\s+(method|details|information)|\b(unpaid|outstanding|overdue)\s+(invoice|balance|fee|payment)|\bpay\s+(the|a)\s+(small\s+)?(fee|charge|customs)",
        @"\bzahlung\s+(ist\s+)?(fehlgeschlagen|abgelehnt|ausstehend)|\bzahlungs(methode|daten|informationen)\s+(aktualisieren|bestatigen)|\b(offene|ausstehende)\s+(rechnung|zahlung|gebuhr)|\bgebuhr\s+von|\bzahlen\s+sie\s+(die|eine)",
        @"\bpagamento\s+(recusado|pendente|nao\s+(foi\s+)?(aprovado|processado|identificado))|\b(fatura|boleto|debito)\s+(em\s+aberto|pendente|vencid)|\b(pague|pagar|efetue\s+o\s+pagamento\s+d)\w*\s+(a\s+)?(taxa|tarifa)|\btaxa\s+(de\s+)?(entrega|envio|alfandega|alfandegaria|liberacao|desbloqueio)",
        // A balance the reader holds, about to be lost unless they sign in or withdraw: the dormant-account lure.
        BalanceForfeited,
        @"\bvalores\s+a\s+receber\b|\bsaldo\s+(a\s+receber|(disponivel|liberado)\s+para\s+(saque|credito|resgate))\b|\b(pendentes?|liberad[oa]s?)\s+(de|para)\s+saque\b|\b(restituicao|credito|saldo)\s+(do\s+)?(irpf|ir)\d*\s+(liberad[oa]|disponivel)\b|\bliberacao\s+(de|do)\s+irpf\b",
        @"\bpago\s+(rechazado|pendiente|fallido|no\s+(se\s+ha\s+)?(procesado|realizado))|\b(factura|deuda|recibo)\s+(pendiente|impagad|vencid)|\b(pague|abone)\s+(la|una)\s+(tasa|tarifa)|\btasa\s+de\s+(envio|aduana|entrega)",
        @"\bpaiement\s+(refuse|rejete|echoue|en\s+attente|n'a\s+pas\s+(pu\s+)?(etre|abouti))|\bfacture\s+(impayee|en\s+attente|en\s+retard)|\b(payer|regler)\s+(les|des)\s+frais|\bfrais\s+de\s+(livraison|douane|reexpedition)",
        @"\bbetaling\s+(is\s+)?(mislukt|geweigerd|niet\s+(gelukt|ontvangen|voltooid)|openstaand)|\bopenstaande\s+(factuur|betaling|kosten)|\bbetaal\s+(de|het)\s+(kosten|bedrag)|\b(verzend|bezorg|invoer)kosten\s+(van|betalen)",
        @"\bpagamento\s+(non\s+(riuscito|andato\s+a\s+buon\s+fine|autorizzato)|rifiutato|in\s+sospeso)|\bfattura\s+(non\s+pagata|scaduta|in\s+sospeso)|\b(paga|pagare)\s+(la|una)\s+(tassa|commissione)|\b(spese|costi)\s+di\s+(spedizione|sdoganamento)\s+(da\s+pagare|non\s+pagat)",
        // A toll left unpaid and a tax refund to collect: the road-toll and tax-office lures, in every language. An unpaid
        // toll is one the reader has ("you have an unpaid toll"), not one a statement says there is none of.
        @"\b(an|one|your|\d+)\s+(unpaid|outstanding|overdue)\s+toll(s|\s+(balance|charges?|fees?|invoice|bill))?\b|\btoll\s+(balance|charges?|invoice|bill)\s+(is\s+|are\s+)?(due|unpaid|outstanding|overdue)\b|\btax\s+refund\s+(\S+\s+){0,3}(is\s+|has\s+been\s+)?(ready|available|approved|pending|waiting|issued)\b|\b(eligible|entitled)\s+(to\s+receive\s+|for\s+)(a\s+|your\s+)?tax\s+refund\b|\b(claim|receive|get)\s+your\s+tax\s+refund\b" +
        @"|\b(offene|unbezahlte)\s+maut(gebuhr(en)?)?\b|\bsteuerruckerstattung\b|\bpedagio\s+(\S+\s+){0,2}(pendente|em\s+aberto|nao\s+pago)\b|\bpeaje\s+(\S+\s+){0,2}(pendiente|impagado|sin\s+pagar)\b|\bdevolucion\s+de\s+(impuestos|la\s+renta)\b" +
        @"|\bpeage\s+(\S+\s+){0,2}(impaye|non\s+paye)\b|\bremboursement\s+(d'?impots?|fiscal)\b|\b(onbetaalde|openstaande)\s+tol(heffing)?\b|\bbelastingteruggave\b|\bpedaggi?o\s+(\S+\s+){0,2}(non\s+pagat|insolut)\w*|\brimborso\s+(fiscale|irpef|delle\s+tasse)\b",
        @"(支払い|お支払い|決済)(が|に)?(失敗|できません|確認できません|未完了|遅延)|(未払い|未納)(の)?(料金|請求)|(お支払い|支払い)(方法|情報)(の)?(更新|確認)");

    private static readonly Regex[] DeliveryPatterns = Compile(
        @"\b(package|parcel|shipment|delivery)\s+(could\s+not|couldn't|cannot|can't|was\s+not|wasn't)\s+(be\s+)?deliver|\b(package|parcel|shipment)\s+(is\s+)?(on\s+hold|pending|awaiting|held)|\b(redelivery|re-delivery|reschedule\s+(your\s+)?delivery)|\bconfirm\s+(your\s+)?(delivery|shipping)\s+(address|details)",
        @"\b(paket|sendung|lieferung)\s+(konnte\s+nicht|wurde\s+nicht|kann\s+nicht|ist\s+unterwegs\s+aber|wartet|liegt)|\b(zustellung|lieferung)\s+(fehlgeschlagen|gescheitert|nicht\s+moglich|ausstehend)|\bzustelladresse\s+(bestatigen|aktualisieren)",
        @"\b(encomenda|entrega|pacote|objeto)\s+(nao\s+(pode|pode|foi)\s+(ser\s+)?entreg|esta\s+(retid|aguardando|pendente)|retid|tributad)|\b(aguardando|pendente\s+de)\s+(pagamento|confirmacao)\s+(para|da)\s+(entrega|envio)|\bordem\s+de\s+retirada\b",
        @"\b(paquete|envio|pedido|entrega)\s+(no\s+(pudo|ha\s+podido|se\s+pudo)\s+(ser\s+)?entreg|esta\s+(retenido|pendiente|en\s+espera)|retenido)",
        @"\b(colis|livraison|envoi)\s+(n'a\s+(pas\s+)?pu\s+(etre\s+)?(livr|distribu)|est\s+(en\s+attente|bloque|retenu)|en\s+attente)|\b(reprogrammer|confirmer)\s+(la|votre)\s+livraison",
        @"\b(pakket|bestelling|zending|levering)\s+(kon\s+niet|is\s+niet|werd\s+niet)\s+(worden\s+)?(bezorgd|geleverd)|\b(pakket|zending)\s+(in\s+afwachting|wacht\s+op|staat\s+klaar)|\bbevestig\s+(je|uw)\s+(bezorg|lever)",
        @"\b(pacco|spedizione|consegna)\s+(e\s+|risulta\s+)?(non\s+(e\s+stat[oa]|puo\s+essere)\s+consegnat|in\s+giacenza|in\s+attesa|sospes)",
        @"(荷物|お荷物|配達|配送)(が|を|の)?(お届けできません|届けられません|保管|不在|持ち戻り|再配達)");

    private static readonly Regex[] PrizePatterns = Compile(
        @"\byou('ve|\s+have)\s+(been\s+selected|won)|\b(claim|redeem)\s+(your\s+)?(prize|reward|gift|bonus|points)|\b(gift\s+card|reward|points)\s+(is\s+)?(waiting|expir|will\s+expire)|\bfree\s+spins\b|\b(congratulations|congrats)\b.{0,80}\b(won|winner|selected|reward|prize)",
        @"\b(sie\s+haben|du\s+hast)\s+(gewonnen|ausgewahlt)|\b(sie\s+wurden|du\s+wurdest)\s+(\w+\s+){0,6}(ausgewahlt|auserwahlt|ausgelost)|\b(gutschein|pramie|belohnung|geschenk)\s+(einlosen|abholen|wartet|sichern)|\bpunkte\s+(verfallen|laufen\s+ab)|\bgratis[\s-]?(spins|drehungen)|\bherzlichen\s+gluckwunsch\b.{0,80}\b(gewonnen|gewinner|ausgewahlt)",
        @"\bvoce\s+(ganhou|foi\s+(selecionad|sortead))|\b(resgate|resgatar)\s+(seu|sua|seus|suas|agora|ja)|\bpontos\s+(\w+\s+){0,2}(expiram|vao\s+expirar|vencem|a\s+expirar|pendentes?)|\b(resgate|troca|troque)\s+(de\s+|seus\s+|os\s+seus\s+)?pontos|\b(premio|bonus|brinde|recompensa)\s+(exclusiv|esperando|disponivel|para\s+voce)|\bgiros\s+gratis",
        @"\b(usted\s+ha|has)\s+(ganado|sido\s+seleccionad)|\b(canjea|reclama|canjear|reclamar)\s+(tu|su)\s+(premio|regalo|recompensa|bono)|\bpuntos\s+(caducan|expiran|van\s+a\s+caducar)|\btiradas\s+gratis",
        @"\bvous\s+avez\s+(gagne|ete\s+selectionne)|\b(reclamez|recuperez|profitez\s+de)\s+(votre|vos)\s+(cadeau|recompense|gain|bonus|points)|\bpoints\s+(expirent|vont\s+expirer)|\btours\s+gratuits",
        @"\b(u\s+heeft|je\s+hebt)\s+(gewonnen|een\s+prijs)|\b(claim|verzilver|ontvang)\s+(uw|je)\s+(prijs|beloning|cadeau|tegoed|cadeaubon)|\bpunten\s+(vervallen|verlopen)|\bgratis\s+spins",
        @"\b(hai|ha)\s+(vinto|stato\s+selezionat)|\b(riscatta|richiedi|ritira)\s+(il\s+tuo|il\s+suo)\s+(premio|regalo|buono|bonus)|\bpunti\s+(scadono|in\s+scadenza|stanno\s+per\s+scadere)|\bgiri\s+gratis",
        @"当選(しました|のお知らせ)|(ポイント)(が|の)?(失効|有効期限)|(プレゼント|ギフト券|賞品)(を)?(受け取|進呈)");

    private static readonly Regex[] SurveyPatterns = Compile(
        @"\b(survey|umfrage|pesquisa|questionario|encuesta|sondage|enquete|questionnaire|sondaggio|vragenlijst)\b|アンケート");

    private static readonly Regex[] CryptoPatterns = Compile(
        @"\b(connect|validate|verify|synchroni[sz]e|upgrade|update|migrate|restore)\s+(your\s+)?(wallet|metamask|ledger|trezor)\b|\btoken\s+(swap|migration|upgrade)\b|\breceive\s+(the\s+)?new\s+(\S+\s+)?tokens\b|\b(seed|recovery|secret)\s+(phrase|words)\b|\bairdrop\b|\bclaim\s+(your\s+)?(tokens?|nft|airdrop|allocation|rewards?)\b|\bclaim\s+(your\s+)?[a-z]{2,5}\s+(tokens?|airdrop|allocation)\b|\bgiv(e|es|ing)\s+away\s+(\S+\s+){0,2}(crypto\w*|bitcoins?|btc|eth|ethereum)\b|\bfree\s+mint\b|\b(unclaimed|pending)\s+(tokens?|crypto|bitcoin|btc|usdt|eth)\b|\b\d+[.,]\d{2,8}\s?(btc|eth|usdt|xrp)\b",
        @"\b(wallet|krypto-?wallet)\s+(verifizieren|bestatigen|synchronisieren)|\b(wiederherstellungsphrase|seed-phrase)|\b(carteira)\s+(sera|foi)\s+(bloquead|suspens)|\b(frase\s+(de\s+)?(recuperacao|semente|recuperacion))|\b(portefeuille)\s+(sera|a\s+ete)\s+(bloque|suspendu)|\bphrase\s+de\s+recuperation",
        @"(ウォレット)(の)?(認証|同期|接続)|(リカバリー|シード)フレーズ",
        // The fake platform's balance: a mining or trading account has earned, withdrawals are open, rewards wait, a
        // credit shown as its dashboard shows it ("+27,315$": a plus, thousands, the dollar sign after).
        @"\bclaim\s+(\S+\s+){0,4}(xrp|btc|eth|usdt|usdc|sol|bnb|bitcoins?|ethereum|solana|tokens?)\b|\b(automatic\s+|automated\s+)?withdrawal\s+(error|failed|failure)\b|\badd\s+(a\s+)?withdrawal\s+address\b|" +
        @"\bwithdraw\s+((your|any|all|the)\s+)?(remaining\s+|accumulated\s+)?(funds|assets|balance|crypto|earnings|profits?|bitcoins?|btc|usdt|digital\s+assets|\$\s?\d|\d[\d,.]*\s?\$)|\bwithdraw(al|als|ing)?\s+(is\s+|are\s+)?(now\s+)?(available|enabled|unlocked)\b|\b(bitcoin|btc|crypto|cloud)\s+(mining|earning|trading)\s+(platform|account|bot|service)\b|\b(automatic|automated|ai[\s-]+(powered|driven|based))\s+(cloud\s+)?(bitcoin|btc|crypto\w*)\s+(mining|earning|trading|collect\w*)|\bwallet\s+has\s+been\s+(funded|credited)\b|\b(bitcoin|btc|crypto|usdt)\s+(balance|account)\s+(is|has\s+been|will\s+be)\s+(frozen|blocked|suspended|credited|ready)\b|\b(staking\s+rewards?|token\s+allocation)\s+(is\s+|are\s+)?(now\s+)?(ready|available|open|waiting)\b|\bbalance\s+has\s+been\s+(replenished|topped\s+up)\b|\+\d{1,3}(,?\d{3}|\.\d{3})+\s?\$",
        @"\bauszahlung\s+(ist\s+|steht\s+)?(jetzt\s+)?(verfugbar|bereit|freigegeben|freigeschaltet)|\b(bitcoin|krypto)-?(guthaben|konto)\s+(wurde|wird|ist)\s+(gesperrt|eingefroren|gutgeschrieben)|\bsaque\s+(esta\s+)?(disponivel|liberado)|\bsaldo\s+(de\s+|em\s+)?(bitcoin|cripto|btc|usdt)|\bretiro\s+(esta\s+)?disponible|\bretrait\s+(est\s+)?disponible|\bsolde\s+(en\s+)?(bitcoin|crypto|btc|usdt)|\bopname\s+(is\s+)?beschikbaar|\b(bitcoin|crypto)-?(saldo|tegoed)|\bprelievo\s+(e\s+)?disponibile");

    private static readonly Regex[] UrgencyPatterns = Compile(
        BalanceForfeited,
        KeepPassword,
        @"\b(will\s+be|has\s+been|have\s+been)\s+(temporarily\s+|permanently\s+)?(suspended|disabled|deactivated|locked|blocked|frozen|closed|terminated|deleted|cancell?ed|returned|restricted|limited|(put\s+|placed\s+)?on\s+hold)|\b(placed|put)\s+(a\s+)?(temporary\s+)?hold\s+on\s+your\s+(\w+\s+)?account\b|\b(only|just|have|has)\s+(24|48|72|12)\s*(hours|hrs)\b|\b(deleted|blocked|cancell?ed|closed|frozen|burn\s+out|expires?)\s+(in|after)\s+(24|48|72|12)\s*(hours?|hrs|h)\b|\bwithin\s+(the\s+next\s+)?(24|48|72|12|2|3)\s*(hours|hrs|h|days)\b|\baction\s+required\b|\bimmediately\b|\b(assets|funds|tokens|coins)\s+(might|may|will|could)\s+be\s+(permanently\s+)?(lost|frozen|burned)\b|\bto\s+avoid\s+(the\s+|any\s+|permanent\s+|further\s+)?(suspension|deactivation|closure|termination|deletion|cancell?ation|restriction|being\s+(locked|suspended|closed|deleted))\b|\bfinal\s+(notice|warning|reminder)\b|\b(last|final)\s+chance\b|\bexpires?\s+(today|tonight|soon)\b|\burgent(ly)?\b",
        @"\b(wurde|wird|werden|wurden)\s+(\w+\s+)?(gesperrt|deaktiviert|geloscht|gekundigt|eingefroren|geschlossen|eingeschrankt)\b|\beinschrankung\s+(\S+\s+){0,2}(ihr(es)?|dein(es)?)\s+(konto|kundenkonto|zugang)\b|\binnerhalb\s+(von\s+)?(24|48|72|12)\s*stunden|\b(sofort|umgehend|unverzuglich)\b|\bletzte\s+(mahnung|erinnerung|chance|warnung)|\blauft\s+(heute|bald)\s+ab|\bhandlungsbedarf|\bum\s+(eine\s+|die\s+)?(sperrung|deaktivierung|schliessung|loschung|kundigung)\s+(\S+\s+){0,3}zu\s+vermeiden",
        @"\b(foi|esta|sera|serao|foram)\s+(\w+\s+)?(bloquead|suspens|desativad|cancelad|encerrad|excluid|restrit|limitad)\w*|\bevit(e|ar)\s+(o\s+|a\s+)?(cancelamento|bloqueio|suspensao|encerramento)|\b(em|dentro\s+de)\s+(24|48|72|12)\s*horas|\bimediatamente\b|\bultim[oa]\s+(aviso|chance|oportunidade|dia)|\bexpira\s+(hoje|em\s+breve)|\burgente\b",
        @"\b(ha\s+sido|fue|esta|sera|seran)\s+(\w+\s+)?(bloquead|suspendid|desactivad|cancelad|cerrad|eliminad|restringid|limitad)\w*|\b(en|dentro\s+de\s+las)\s+(24|48|72|12)\s*horas|\binmediatamente\b|\bultim[oa]\s+(aviso|oportunidad|recordatorio)|\bcaduca\s+(hoy|pronto)|\bpara\s+evitar\s+(la\s+|el\s+|su\s+)?(suspension|cancelacion|bloqueo|desactivacion|cierre|eliminacion)\b",
        @"\b(a\s+ete|est|sera|seront)\s+(\w+\s+)?(bloque|suspendu|desactive|supprime|resilie|restreint|limite)e?s?\b|\b(sous|dans\s+les)\s+(24|48|72|12)\s*(heures|h)\b|\bimmediatement\b|\bdernier\s+(avis|rappel|delai)|\bderniere\s+chance|\bexpire\s+(aujourd'hui|bientot)|\bpour\s+eviter\s+(la\s+|le\s+|toute\s+)?(suspension|desactivation|fermeture|blocage|suppression|resiliation)\b",
        @"\b(is|wordt|werd|worden)\s+(\w+\s+)?(geblokkeerd|opgeschort|gedeactiveerd|verwijderd|opgezegd|afgesloten|beperkt)\b|\bbinnen\s+(24|48|72|12)\s*uur|\bonmiddellijk\b|\blaatste\s+(herinnering|kans|waarschuwing)|\bverloopt\s+(vandaag|binnenkort)|\bom\s+(een\s+|de\s+)?(blokkering|opschorting|deactivering|afsluiting|verwijdering)\s+(\S+\s+){0,3}te\s+voorkomen",
        @"\b(e\s+stat[oa]|sara|sono\s+stat[ie])\s+(\w+\s+)?(bloccat|sospes|disattivat|cancellat|chius|eliminat|limitat)\w*|\bentro\s+(24|48|72|12)\s*ore|\bimmediatamente\b|\bultimo\s+(avviso|sollecito|giorno)|\bultima\s+(possibilita|occasione)|\bscade\s+(oggi|a\s+breve)|\bper\s+evitare\s+(la\s+|il\s+|l'|qualsiasi\s+)?(sospensione|disattivazione|chiusura|blocco|cancellazione)\b",
        @"(24|48|72)時間以内|至急|直ちに|本日中|期限(が|は)?(迫|切れ)");

    private static readonly Regex[] LegalPatterns = Compile(
        @"\bcourt\s+summons|\bsummons\s+to\s+appear|\bsubpoena(ed)?\s+(to|you)\b|\barrest\s+warrant|\bwarrant\s+(\S+\s+){0,3}for\s+your\s+arrest|\blegal\s+(action|proceedings)\s+(\S+\s+){0,3}against\s+you|\b(lawsuit|complaint|case|charges|indictment)\s+(has\s+been\s+|have\s+been\s+)?(filed|registered|brought|opened|pressed)\s+against\s+you|\byou\s+(are|have\s+been)\s+(summoned|charged\s+with|sued|indicted)\b|\bcriminal\s+(complaint|charges|case|proceedings|investigation)\s+against\s+you|\bnotice\s+to\s+appear\s+(in|before)\s+(the\s+)?court",
        @"\bintimacao\b|\bmandado\s+de\s+(intimacao|citacao|prisao)|\bcitacao\s+judicial|\boficial\s+de\s+justica|\bprocesso\s+(judicial|trabalhista|criminal)\s+(\S+\s+){0,3}(em\s+seu\s+nome|contra\s+(voce|vc|o\s+senhor|a\s+senhora))|\baudiencia\s+(de\s+conciliacao|judicial|por\s+videoconferencia)|\bnotificacao\s+judicial|\bqueixa[\s-]crime|\b(voce|vc)\s+(foi|esta\s+sendo)\s+(processad|intimad|citad|denunciad)|\bvara\s+(do\s+trabalho|criminal|civel)|\bforum\s+criminal|\bprojudi\b",
        @"\bcitacion\s+judicial|\borden\s+de\s+(arresto|detencion|comparecencia)|\b(demanda|denuncia)\s+(judicial\s+|penal\s+)?en\s+su\s+contra|\bnotificacion\s+judicial|\bcomparecer\s+ante\s+(el\s+)?(juzgado|tribunal|juez)",
        @"\bconvocation\s+(judiciaire|au\s+tribunal|a\s+la\s+gendarmerie|au\s+commissariat|de\s+police)|\bcitation\s+a\s+comparaitre|\bmandat\s+d'?\s?(arret|amener)|\bproces\s+(\S+\s+)?vous\s+concernant|\bplainte\s+(\S+\s+){0,2}contre\s+vous|\bpoursuites\s+judiciaires\s+(\S+\s+){0,3}contre\s+vous",
        @"\b(gerichts)?vorladung\b|\bstrafanzeige\b|\banklage(schrift|schreiben)\b|\bhaftbefehl\b|\b(straf|ermittlungs)verfahren\s+gegen\s+sie\b|\banzeige\s+gegen\s+sie\b",
        @"\bdagvaarding\b|\baanklacht\s+tegen\s+u\b|\barrestatiebevel\b|\bstrafrechtelijke\s+vervolging\b",
        @"\bcitazione\s+(in\s+giudizio|a\s+comparire)|\bmandato\s+di\s+(arresto|comparizione)|\bdenuncia\s+(penale\s+)?a\s+suo\s+carico|\bprocedimento\s+penale\s+(\S+\s+){0,3}(a\s+suo\s+carico|contro\s+di\s+lei)",
        @"出頭(命令|要請)|逮捕状|訴訟を提起|法的措置を(取|と)");

    // As few patterns as the linear engine accepts: each is a pass over the text. Alternatives are joined into one
    // pattern, and a group too large for the engine's automaton limit is split where it stops fitting.
    private static readonly Regex[] BankChangePatterns = Compile(
        @"\b(our|my|the)\s+(bank|banking|remittance)\s+(details|account|information|info)\s+(has|have)\s+(changed|been\s+(changed|updated))|\b(new|updated|change\s+of)\s+(bank|banking|remittance)\s+(details|account|information)|\bupdate\s+(our|the|your\s+records\s+with\s+our)\s+(bank|banking|remittance)\s+(details|information)",
        @"\b(bankverbindung|kontoverbindung|bankdaten)\s+(hat\s+sich\s+|haben\s+sich\s+)?(geandert|geaendert)|\bneue\s+(bankverbindung|kontoverbindung|iban)",
        @"\bdados\s+bancarios\s+(foram\s+)?(alterados|atualizados)|\bnova\s+conta\s+(bancaria|para\s+pagamento)",
        @"\b(nuevos|cambio\s+de(\s+los)?)\s+datos\s+bancarios|\bnueva\s+cuenta\s+bancaria",
        @"\b(changement\s+de|nouvelles)\s+coordonnees\s+bancaires|\bnouveau\s+rib\b",
        @"\b(nieuwe|gewijzigde)\s+(bankgegevens|rekeninggegevens)|\bnieuw\s+rekeningnummer",
        @"\b(nuove|cambio\s+(di|delle))\s+coordinate\s+bancarie|\bnuovo\s+iban\b");

    private static readonly Regex[] GiftCardsPatterns = Compile(
        @"\b(buy|purchase|get|pick\s+up)\s+(me\s+)?(some\s+|\d+\s+|a\s+few\s+)?(gift\s?cards?|itunes\s+cards?|google\s+play\s+cards?|steam\s+cards?|apple\s+cards?)|\bscratch\s+(off\s+)?(the\s+)?(back|codes?|cards?)\b.{0,60}\b(send|picture|photo)",
        @"\b(gutscheinkarten|geschenkkarten|guthabenkarten)\s+(kaufen|besorgen)|\b(cartoes|cartões)\s+(presente|de\s+presente)\s+(comprar|para\s+comprar)|\bcomprar\s+(tarjetas|cartoes)\s+(de\s+)?regalo|\bacheter\s+des\s+cartes\s+cadeaux|\bcadeaukaarten\s+(kopen|halen)|\bcomprare\s+(delle\s+)?(gift\s?card|carte\s+regalo)");

    /// <summary>
    /// The alternatives in order, joined into as few patterns as the engine's automaton limit allows: each group is the
    /// longest run that still fits, found by halving the range between a run that fits and one that does not. Halving
    /// the list itself, as this did before, left groups that could have held more, and each group is a pass.
    /// </summary>
    internal static Regex[] Compile(params string[] patterns)
    {
        var groups = new List<Regex>();
        for (var start = 0; start < patterns.Length;)
        {
            // One alternative that does not fit alone throws, as it must: no split can help it.
            var (fits, fails) = (start + 1, patterns.Length + 1);
            var group = Join(patterns[start..fits]);
            while (fails - fits > 1)
            {
                var end = fails > patterns.Length ? patterns.Length : (fits + fails) / 2;
                if (TryJoin(patterns[start..end]) is { } longer) (group, fits) = (longer, end);
                else fails = end;
            }
            groups.Add(group);
            start = fits;
        }
        return [.. groups];
    }

    private static Regex Join(string[] patterns) =>
        new(string.Join('|', patterns.Select(p => $"(?:{p})")), LinearRegex.Options | RegexOptions.IgnoreCase);

    private static Regex? TryJoin(string[] patterns)
    {
        try
        {
            return Join(patterns);
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }

    internal static Match FirstMatch(Regex[] patterns, string text)
    {
        var match = Match.Empty;
        foreach (var pattern in patterns)
        {
            match = pattern.Match(text);
            if (match.Success) return match;
        }
        return match;
    }
}
