using Remediation.Core.Scanning;
using Remediation.Core.Scanning.Rules;

namespace Remediation.Core.Tests.Scanning.Rules;

/// <summary>The lure rules read the same lures in every language of the lexicon, with or without accents.</summary>
public class LureRulesTests
{
    private const string Link = "\n\nhttps://portal.example-service.example/start";

    public static TheoryData<string, string, string> Lures => new()
    {
        { CredentialLureRule.Name, "Account notice", "Your account has been suspended. Verify your account within 24 hours." },
        { CredentialLureRule.Name, "Urgent: account verification required", "Complete the check to keep access." },
        { CredentialLureRule.Name, "Kontohinweis", "Ihr Konto wurde gesperrt. Bestätigen Sie jetzt Ihre Kontodaten innerhalb von 24 Stunden." },
        { CredentialLureRule.Name, "Aviso", "Sua conta está bloqueada. Atualize seus dados imediatamente." },
        { CredentialLureRule.Name, "Aviso", "Sua conta está bloqueada. Atualize seus dados imediatamente.".Replace("á", "a", StringComparison.Ordinal) },
        { CredentialLureRule.Name, "Aviso", "Su cuenta ha sido bloqueada. Verifique su cuenta en 24 horas." },
        { CredentialLureRule.Name, "Avis", "Votre compte a été suspendu. Vérifier votre compte sous 24 heures." },
        { CredentialLureRule.Name, "Melding", "Uw account is geblokkeerd. Bevestig uw gegevens binnen 24 uur." },
        { CredentialLureRule.Name, "Avviso", "Il tuo account è stato sospeso. Verifica il tuo account entro 24 ore." },
        { CredentialLureRule.Name, "お知らせ", "アカウントが停止されました。24時間以内に本人確認をお願いします。" },
        // The threat of losing the account is the pressure, in every language as in English ("has been suspended").
        { CredentialLureRule.Name, "Aviso", "Sua conta foi bloqueada. Regularize seu cadastro." },
        { CredentialLureRule.Name, "Hinweis", "Ihr Konto wurde gesperrt. Bestätigen Sie Ihre Daten." },
        { CredentialLureRule.Name, "Aviso", "Su cuenta ha sido suspendida. Verifique sus datos." },
        { CredentialLureRule.Name, "Avis", "Votre compte a été bloqué. Vérifier vos informations." },
        { CredentialLureRule.Name, "Melding", "Uw rekening is geblokkeerd. Bevestig uw gegevens." },
        { CredentialLureRule.Name, "Avviso", "Il tuo account è stato sospeso. Conferma i tuoi dati." },
        { CredentialLureRule.Name, "Aviso", "A senha da sua caixa postal expirou. Mantenha a senha atual imediatamente." },
        { CredentialLureRule.Name, "Hinweis", "Ihr Passwort läuft heute ab. Jetzt sofort behalten." },
        // "Temporarily" between the verb and the threat, and the password that will expire, as the lures write them.
        { CredentialLureRule.Name, "Account notice", "Your account has been temporarily suspended. Sign in to restore it." },
        { CredentialLureRule.Name, "Aviso", "Sua conta foi temporariamente bloqueada. Acesse o link." },
        { CredentialLureRule.Name, "Aviso", "Su cuenta ha sido temporalmente suspendida. Acceda al enlace." },
        { CredentialLureRule.Name, "Avis", "Votre compte a été temporairement suspendu. Accédez au lien." },
        { CredentialLureRule.Name, "Avviso", "Il tuo account è stato temporaneamente sospeso. Accedi al link." },
        { CredentialLureRule.Name, "Aviso", "A senha do seu e-mail expirará em 24 horas." },
        { CredentialLureRule.Name, "Avis", "Votre mot de passe expire aujourd'hui : conservez-le immédiatement." },
        { CredentialLureRule.Name, "Melding", "Uw mailbox is vol. Vraag onmiddellijk meer ruimte aan." },
        // The offer to keep the current password is the account matter and its threat in one phrase.
        { CredentialLureRule.Name, "Mailbox notice", "A new password will be issued tonight. To keep using your current password, confirm it below." },
        { CredentialLureRule.Name, "Caixa postal", "Sua senha será trocada pelo sistema. Clique para continuar usando sua senha atual." },
        { CredentialLureRule.Name, "Buzón", "El sistema cambiará su clave. Pulse aquí para mantener su contraseña actual." },
        { CredentialLureRule.Name, "Messagerie", "Un nouveau mot de passe sera généré. Cliquez pour conserver votre mot de passe actuel." },
        { CredentialLureRule.Name, "Postfach", "Das System erzeugt ein neues Passwort. Klicken Sie hier, um Ihr aktuelles Passwort zu behalten." },
        { CredentialLureRule.Name, "Mailbox", "Er wordt een nieuw wachtwoord aangemaakt. Klik om uw huidige wachtwoord te behouden." },
        { CredentialLureRule.Name, "Casella", "Verrà generata una nuova password. Clicca per mantenere la password attuale." },
        { CredentialLureRule.Name, "メール", "新しいパスワードが発行されます。現在のパスワードを引き続きご利用になるには、こちらをクリックしてください。" },
        { PaymentLureRule.Name, "Billing", "Your payment has failed. Update your payment method." },
        { PaymentLureRule.Name, "Rechnung", "Ihre Zahlung ist fehlgeschlagen, bitte offene Rechnung begleichen." },
        { PaymentLureRule.Name, "Fatura", "Pagamento recusado: sua fatura em aberto vence hoje." },
        { DeliveryLureRule.Name, "Parcel", "Your parcel could not be delivered. Confirm your delivery address." },
        { DeliveryLureRule.Name, "Pakket", "Uw pakket kon niet worden bezorgd." },
        { DeliveryLureRule.Name, "Encomenda", "Sua encomenda está retida, seu pedido esta retido." },
        { DeliveryLureRule.Name, "Colis", "Votre colis est en attente de livraison." },
        { PrizeLureRule.Name, "Punkte", "Ihre Punkte verfallen morgen: Gutschein einlösen!" },
        { PrizeLureRule.Name, "Pontos", "Seus 12.000 pontos expiram em breve. Resgate agora." },
        { PrizeLureRule.Name, "Ihre Chance", "Herzlichen Glückwunsch, bei unserer Verlosung haben Sie gewonnen!" },
        { CryptoLureRule.Name, "Wallet", "Validate your wallet to keep access to your funds." },
        { CryptoLureRule.Name, "Balance", "Your balance: 0.8815 BTC is ready." },
        { CryptoLureRule.Name, "Last day", "Your account on our Bitcoin mining platform holds $31,208. Withdraw your remaining earnings." },
        { CryptoLureRule.Name, "Claims", "Withdrawals are now available for every eligible customer." },
        { CryptoLureRule.Name, "Auszahlung", "Ihre Auszahlung ist jetzt verfügbar." },
        { CryptoLureRule.Name, "Saque", "Seu saque está disponível: saldo em bitcoin de 0,52." },
        { CredentialLureRule.Name, "Nоtice", "Yоur аccоunt hаs bееn lоcked. Vеrify yоur аccоunt within 24 hours." }, // Cyrillic о, а, е
        { PaymentLureRule.Name, "Banco Central", "Você possui valores a receber vinculados ao seu CPF." },
        { PaymentLureRule.Name, "Saque", "Existem R$ 2.180,47 pendentes de saque em sua conta." },
        { PaymentLureRule.Name, "IRPF", "Restituição do IRPF liberada: siga as instruções." },
        { PaymentLureRule.Name, "Your score", "Sign in this week or your balance will be zeroed." },
        { PaymentLureRule.Name, "Guthaben", "Melden Sie sich an, sonst verfällt Ihr Guthaben: Ihr Guthaben wird morgen gelöscht." },
        { PaymentLureRule.Name, "Saldo", "Acesse sua conta ou seu saldo será zerado." },
        { PaymentLureRule.Name, "Solde", "Connectez-vous, sinon votre solde sera remis à zéro." },
        { PaymentLureRule.Name, "Tegoed", "Log in, anders wordt uw tegoed op nul gezet." },
        { CryptoLureRule.Name, "Forgotten account", "You signed up for our automated Bitcoin mining service last year. Please withdraw any remaining funds." },
        { CryptoLureRule.Name, "+27,902$", "Withdraw your 27,902$ before the account closes." },
        { CryptoLureRule.Name, "Allocation", "Sign up today to claim your SOL allocation." },
        { CryptoLureRule.Name, "Mira Holt", "Your dashboard shows +31.407$. Move it out today." },
        { CryptoLureRule.Name, "Notice", "You have 48 hours to withdraw +12,905$ from the platform." },
        { CryptoLureRule.Name, "Top-up", "Good news: your balance has been replenished." },
        { CryptoLureRule.Name, "Giveaway", "The founder is giving away 5,000 BTC to celebrate." },
        { CryptoLureRule.Name, "Funded", "As instructed, your wallet has been funded." },
        // Written for these tests: the cloud kits' pretexts (storage full, mail held back, a second factor to set up
        // again), unpaid tolls and tax refunds, and the withdrawal that failed, in the languages the lexicon reads.
        { CredentialLureRule.Name, "Storage", "Your iCloud storage is full. Your photos will be deleted within 24 hours." },
        { CredentialLureRule.Name, "Speicher", "Ihr Speicherplatz ist fast voll. Ihre Dateien werden gelöscht." },
        { CredentialLureRule.Name, "Armazenamento", "Seu armazenamento está cheio. Suas fotos serão excluídas." },
        { CredentialLureRule.Name, "Almacenamiento", "Su almacenamiento está lleno. Sus archivos serán eliminados inmediatamente." },
        { CredentialLureRule.Name, "Stockage", "Votre espace de stockage est plein. Dernier avis." },
        { CredentialLureRule.Name, "Opslag", "Uw opslagruimte is vol. Laatste waarschuwing." },
        { CredentialLureRule.Name, "Archiviazione", "Il tuo spazio di archiviazione è pieno. Ultimo avviso." },
        { CredentialLureRule.Name, "Mail delivery", "You have (4) pending messages. Release them within 48 hours or they are deleted." },
        { CredentialLureRule.Name, "Mail delivery", "Release your held messages immediately." },
        { CredentialLureRule.Name, "Nachrichten", "Sie haben 3 zurückgehaltene Nachrichten. Letzte Warnung." },
        { CredentialLureRule.Name, "Mensagens", "Você tem 5 mensagens retidas. Último aviso." },
        { CredentialLureRule.Name, "Security", "Re-authenticate your multi-factor authentication within 24 hours." },
        { CredentialLureRule.Name, "Security", "MFA enrollment is required: your access will be blocked today." },
        { CredentialLureRule.Name, "Voicemail (0:47)", "You have a new voicemail. Listen to it before it is deleted in 24 hours." },
        { CredentialLureRule.Name, "Sprachnachricht", "Sie haben eine neue Sprachnachricht. Abhören innerhalb von 24 Stunden." },
        { CredentialLureRule.Name, "Correio de voz", "Você tem uma nova mensagem de voz. Ouça imediatamente." },
        { CredentialLureRule.Name, "Q4 remittance", "Olivia has shared a file with you. The link expires in 24 hours." },
        { CredentialLureRule.Name, "Account limited", "Your account has been limited. Confirm your identity to restore it." },
        { CredentialLureRule.Name, "Mitteilung", "Aus Sicherheitsgründen wurde eine Einschränkung für Ihr Konto vorgenommen. Bestätigen Sie Ihre Identität." },
        { CredentialLureRule.Name, "Pas", "Uw bankpas verloopt binnenkort. Vraag binnen 24 uur een nieuwe aan." },
        { CredentialLureRule.Name, "Card", "Your debit card expires this week. Request a replacement immediately." },
        { CredentialLureRule.Name, "Cadastro", "Identificamos uma pendência no seu cadastro. Regularize para evitar o bloqueio do seu cartão." },
        { CredentialLureRule.Name, "Tarjeta", "Su tarjeta ha caducado. Actualícela inmediatamente." },
        { CredentialLureRule.Name, "Correo", "Tiene 4 mensajes retenidos. Libérelos inmediatamente." },
        { CredentialLureRule.Name, "Messagerie", "Vous avez 3 messages en attente. Dernier avis." },
        { CredentialLureRule.Name, "Berichten", "U heeft 5 berichten in afwachting. Laatste waarschuwing." },
        { CredentialLureRule.Name, "Posta", "Hai 2 messaggi in attesa. Ultimo avviso." },
        { CredentialLureRule.Name, "Karte", "Ihre Bankkarte läuft bald ab. Handeln Sie sofort." },
        { CredentialLureRule.Name, "Cartão", "Seu cartão vai expirar. Atualize imediatamente." },
        { CredentialLureRule.Name, "Carte", "Votre carte bancaire expire. Dernier avis." },
        { CredentialLureRule.Name, "Carta", "La tua carta scade domani. Ultimo avviso." },
        { CredentialLureRule.Name, "Buzón de voz", "Tiene un nuevo mensaje de voz. Escúchelo inmediatamente." },
        { CredentialLureRule.Name, "Message vocal", "Vous avez un nouveau message vocal. Dernier avis." },
        { CredentialLureRule.Name, "Voicemail", "U heeft een nieuw voicemailbericht. Binnen 24 uur beluisteren." },
        { CredentialLureRule.Name, "Messaggio vocale", "Hai un nuovo messaggio vocale. Ascoltalo immediatamente." },
        { CredentialLureRule.Name, "Conta", "Sua conta foi limitada. Confirme seus dados." },
        { CredentialLureRule.Name, "Cuenta", "Su cuenta ha sido limitada. Verifique sus datos." },
        { CredentialLureRule.Name, "Compte", "Votre compte a été limité. Vérifier vos informations." },
        { CredentialLureRule.Name, "Account", "Uw account is beperkt. Bevestig uw gegevens." },
        { CredentialLureRule.Name, "Account", "Il tuo account è stato limitato. Conferma i tuoi dati." },
        { CredentialLureRule.Name, "Security", "Two-factor authentication setup is required immediately." },
        { CredentialLureRule.Name, "ストレージ", "ストレージの容量がいっぱいです。24時間以内に対応してください。" },
        { PaymentLureRule.Name, "Peaje", "Tiene un peaje pendiente de pago." },
        { PaymentLureRule.Name, "Péage", "Vous avez un péage impayé." },
        { PaymentLureRule.Name, "Tol", "U heeft een openstaande tolheffing." },
        { PaymentLureRule.Name, "Pedaggio", "Hai un pedaggio non pagato." },
        { PaymentLureRule.Name, "Steuer", "Ihre Steuerrückerstattung ist verfügbar." },
        { PaymentLureRule.Name, "Impuestos", "Su devolución de impuestos está disponible." },
        { PaymentLureRule.Name, "Belasting", "Uw belastingteruggave staat klaar." },
        { PaymentLureRule.Name, "Rimborso", "Il suo rimborso fiscale è disponibile." },
        { PaymentLureRule.Name, "Tolls", "You have an unpaid toll balance of $6.99." },
        { PaymentLureRule.Name, "Tax", "Your tax refund of $418.20 is ready." },
        { PaymentLureRule.Name, "Maut", "Sie haben eine offene Mautgebühr." },
        { PaymentLureRule.Name, "Pedágio", "Você tem um pedágio em aberto." },
        { PaymentLureRule.Name, "Impôts", "Votre remboursement d'impôt est disponible." },
        { CredentialLureRule.Name, "Account on hold", "Your account has been put on hold. Confirm your billing details to lift it." },
        { CredentialLureRule.Name, "Billing", "We have placed a hold on your shop account and your orders. Verify your account to release them." },
        { PaymentLureRule.Name, "Refund", "You are eligible for a tax refund of $820. Submit the refund form." },
        { CredentialLureRule.Name, "Wallet", "Unlock your wallet to avoid suspension." },
        { CredentialLureRule.Name, "Konto", "Bestätigen Sie Ihr Konto, um eine Sperrung Ihres Kontos zu vermeiden." },
        { CredentialLureRule.Name, "Cuenta", "Verifique su cuenta para evitar la suspensión." },
        { CredentialLureRule.Name, "Compte", "Vérifiez votre compte pour éviter la suspension." },
        { CredentialLureRule.Name, "Account", "Bevestig uw account om blokkering van uw account te voorkomen." },
        { CredentialLureRule.Name, "Account", "Verifica il tuo account per evitare la sospensione." },
        { CredentialLureRule.Name, "Cartão", "Seu cartão Visa foi temporariamente bloqueado. Acesse imediatamente para manter seu cartão seguro." },
        { CryptoLureRule.Name, "XRP", "Holders can claim up to 30% more XRP this quarter." },
        { CryptoLureRule.Name, "Wallet", "Update your wallet before Friday. If you miss the deadline, your assets might be lost." },
        { CryptoLureRule.Name, "Token swap", "The token swap is open: connect to receive the new ERC-20 tokens." },
        { CryptoLureRule.Name, "Error", "Automatic withdrawal error: add a withdrawal address in your profile." },
        { DeliveryLureRule.Name, "Pacco", "Il tuo pacco è in giacenza." },
        { DeliveryLureRule.Name, "Correios", "Ordem de retirada: último aviso para o seu objeto." },
        { PaymentFraudRule.Name, "Quick favour", "Are you available? I need you to buy 5 gift cards for a client today." },
        { PaymentFraudRule.Name, "Bankverbindung", "Bitte beachten Sie: unsere Bankverbindung hat sich geändert." },
        { PaymentFraudRule.Name, "Coordonnées", "Suite au changement de coordonnées bancaires, merci de régler la facture sur le nouveau RIB." },
    };

    public static TheoryData<string, string> Ordinary => new()
    {
        { "Payslip", "Your payslip for November is available in the portal." },
        { "Lieferung", "Ihre Lieferung kommt morgen zwischen 10 und 12 Uhr." },
        { "Reunião", "A reunião foi confirmada para amanhã às 10h." },
        { "Factura", "Adjuntamos la factura de noviembre. Gracias por su pago." },
        { "Newsletter", "Nos nouveautés de la semaine sont en ligne." },
        { "Sign-in", "You signed in from a new browser. If this was you, no action is needed." },
        { "Statement", "Your monthly statement is ready. Withdrawals made in November are listed by date." },
        { "Rewards", "Claim your loyalty rewards in the app before the season ends." },
        { "Delivery", "Orders placed today are delivered in 24 hours." },
        { "Extrato", "Seu saldo disponível em 30/11 é de R$ 1.234,56. Veja o extrato completo no app." },
        { "Invoice", "Total +$1,250.00 including shipping; the refund of +45$ follows next week." },
        { "Password tips", "Keep your current password safe: never share it, and use a password manager." },
        { "Voicemail", "Voicemail is now part of Teams: your greeting can be changed in the settings." },
        { "New card", "Your new debit card is on its way; your current card expires in March." },
        { "Access", "Editing of the shared calendar has been limited to the team's owners." },
        { "Password reset", "You asked to reset your password. Set a new one below; this link expires in 24 hours." },
        { "Q4 plan", "Olivia shared a document with you: Q4 plan.docx. Open it to edit." },
        { "Storage plan", "Your storage plan renews next month; you use 40 % of it." },
        { "Quarantine", "You released 2 messages from quarantine this week." },
        { "Security", "Two-factor authentication is on for your account." },
        { "Toll receipt", "Thanks for paying your toll invoice of 4.20 EUR." },
        { "Toll statement", "Your statement is ready: your account has no unpaid tolls." },
        { "Tax return", "Your tax return was received and is being processed." },
        { "Verify", "Verify your email address to avoid missing messages from your team." },
        { "Order on hold", "Your order is on hold until the card payment clears; we will email you when it ships." },
        { "Tax refund", "Refunds are paid within 21 days. Check whether you are eligible for credits in the guide." },
        { "Password policy", "Passwords no longer expire every 90 days. You can keep using your current password until you choose to change it." },
    };

    private static readonly IScanRule[] Rules = [new CredentialLureRule(), new PaymentLureRule(), new DeliveryLureRule(), new PrizeLureRule(), new CryptoLureRule(), new PaymentFraudRule()];

    [Theory]
    [MemberData(nameof(Lures))]
    public void Evaluate_LureWithALink_FiresItsRule(string rule, string subject, string body)
    {
        var hits = Rules.SelectMany(r => r.Evaluate(TestMail.FromText(subject, body + Link))).ToList();

        Assert.Contains(hits, h => h.Rule == rule);
    }

    [Theory]
    [MemberData(nameof(Lures))]
    public void Evaluate_LureWithoutALink_FiresOnlyWhenTheReplyIsThePayload(string rule, string subject, string body)
    {
        var hits = Rules.SelectMany(r => r.Evaluate(TestMail.FromText(subject, body))).Select(h => h.Rule);

        if (rule == PaymentFraudRule.Name) Assert.Contains(rule, hits);
        else Assert.DoesNotContain(rule, hits);
    }

    [Theory]
    [MemberData(nameof(Ordinary))]
    public void Evaluate_OrdinaryMailWithALink_FiresNothing(string subject, string body)
    {
        Assert.Empty(Rules.SelectMany(r => r.Evaluate(TestMail.FromText(subject, body + Link))));
    }

    // Written for these tests: the reward scam's survey in four languages, and a casino's bonus, which stays spam.
    [Theory]
    [InlineData("Congratulations!", "You have been selected! Complete this short survey about your store visits to claim your reward: a cordless drill.", ThreatCategory.Phishing)]
    [InlineData("Herzlichen Glückwunsch", "Sie wurden ausgewählt! Nehmen Sie an unserer kurzen Umfrage teil und sichern Sie sich Ihre Prämie.", ThreatCategory.Phishing)]
    [InlineData("Parabéns", "Você ganhou! Responda a pesquisa de satisfação e resgate seu prêmio.", ThreatCategory.Phishing)]
    [InlineData("Félicitations", "Vous avez gagné ! Répondez à notre sondage pour recevoir votre cadeau.", ThreatCategory.Phishing)]
    [InlineData("Bonus", "Claim your bonus: 100 free spins on your first deposit.", ThreatCategory.Spam)]
    public void Evaluate_PrizeForASurvey_IsPhishing(string subject, string body, ThreatCategory expected)
    {
        var hit = Assert.Single(new PrizeLureRule().Evaluate(TestMail.FromText(subject, body + Link)));

        Assert.Equal(expected, hit.Category);
        Assert.Equal(expected == ThreatCategory.Phishing, hit.Reason.Contains("the reward scam", StringComparison.Ordinal));
        Assert.Equal(expected == ThreatCategory.Phishing, DeceptionEvidence.In([hit]));
    }

    [Fact]
    public void Evaluate_GiftCardsAndNewBankDetails_OneHitForTheGiftCards()
    {
        var message = TestMail.FromText("Quick favour", "I need you to buy 5 gift cards today. Also, our bank details have changed.");

        var hit = Assert.Single(new PaymentFraudRule().Evaluate(message));

        Assert.Equal(5, hit.Weight);
        Assert.Equal(ThreatCategory.Phishing, hit.Category);
        Assert.StartsWith("Asks for gift cards (\"", hit.Reason, StringComparison.Ordinal);
        Assert.EndsWith("\"), the business email compromise payout.", hit.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_NewBankDetails_FiresBelowSuspicious()
    {
        var hit = Assert.Single(new PaymentFraudRule().Evaluate(TestMail.FromText("Bankverbindung", "Bitte beachten Sie: unsere Bankverbindung hat sich geändert.")));

        Assert.Equal(4, hit.Weight);
        Assert.Equal(ThreatCategory.Phishing, hit.Category);
        Assert.StartsWith("Says the bank details to pay into have changed (\"", hit.Reason, StringComparison.Ordinal);
        Assert.EndsWith("\").", hit.Reason, StringComparison.Ordinal);
    }

    public static TheoryData<IScanRule, string, double, ThreatCategory, string> Unpressed => new()
    {
        { new PaymentLureRule(), "Your payment has failed. Update your payment method.", 2.5, ThreatCategory.Phishing, "Asks for a payment (\"" },
        { new PrizeLureRule(), "Ihre Punkte verfallen morgen: Gutschein einlösen!", 3, ThreatCategory.Spam, "Offers a prize to claim (\"" },
        { new CryptoLureRule(), "Validate your wallet to keep access to your funds.", 3, ThreatCategory.Phishing, "Asks to act on a crypto wallet (\"" },
        { new DeliveryLureRule(), "Your parcel could not be delivered. Confirm your delivery address.", 3, ThreatCategory.Phishing, "Says a parcel is held (\"" },
    };

    [Theory]
    [MemberData(nameof(Unpressed))]
    public void Evaluate_LureWithALinkWithoutPressure_WeighsItsTopic(IScanRule rule, string body, double weight, ThreatCategory category, string reason)
    {
        var hit = Assert.Single(rule.Evaluate(TestMail.FromText("Notice", body + Link)));

        Assert.Equal(weight, hit.Weight);
        Assert.Equal(category, hit.Category);
        Assert.StartsWith(reason, hit.Reason, StringComparison.Ordinal);
        Assert.EndsWith("\"), with a link.", hit.Reason, StringComparison.Ordinal);
    }

    public static TheoryData<IScanRule, string, ThreatCategory, string> Pressed => new()
    {
        { new CredentialLureRule(), "Your account has been suspended. Verify your account within 24 hours.", ThreatCategory.Phishing, "Asks to act on an account (\"" },
        { new PaymentLureRule(), "Your payment has failed. Update your payment method within 24 hours.", ThreatCategory.Phishing, "Asks for a payment (\"" },
        { new PrizeLureRule(), "You have won a gift card! Claim it within 24 hours.", ThreatCategory.Spam, "Offers a prize to claim (\"" },
        { new CryptoLureRule(), "Validate your wallet within 24 hours to keep access to your funds.", ThreatCategory.Phishing, "Asks to act on a crypto wallet (\"" },
        { new DeliveryLureRule(), "Your parcel could not be delivered. Confirm your delivery address within 24 hours.", ThreatCategory.Phishing, "Says a parcel is held (\"" },
        { new CryptoLureRule(), "Your account on our cloud mining service will be blocked. Withdraw your earnings.", ThreatCategory.Phishing, "Asks to act on a crypto wallet (\"" },
        { new CryptoLureRule(), "You have 24 hours to withdraw your earnings.", ThreatCategory.Phishing, "Asks to act on a crypto wallet (\"" },
        { new CryptoLureRule(), "Withdraw your earnings: the account will be deleted after 24 hours.", ThreatCategory.Phishing, "Asks to act on a crypto wallet (\"" },
    };

    // Money the reader holds, about to be wiped out: the topic and its threat in one phrase, quoted once.
    [Theory]
    [InlineData("Inactive accounts are closed soon: your balance will be cleared.", "balance will be cleared")]
    [InlineData("Entre na sua conta: o seu saldo será zerado amanhã.", "saldo sera zerado")]
    public void Evaluate_BalanceAboutToBeWipedOut_IsAPaymentLureUnderItsOwnPressure(string body, string words)
    {
        var hit = Assert.Single(new PaymentLureRule().Evaluate(TestMail.FromText("Your score", body + Link)));

        Assert.Equal(4, hit.Weight);
        Assert.Equal(ThreatCategory.Phishing, hit.Category);
        Assert.Equal($"Asks for a payment (\"{words}\") under pressure, with a link.", hit.Reason);
    }

    [Theory]
    [MemberData(nameof(Pressed))]
    public void Evaluate_LureWithALinkUnderPressure_WeighsMore(IScanRule rule, string body, ThreatCategory category, string reason)
    {
        var hit = Assert.Single(rule.Evaluate(TestMail.FromText("Notice", body + Link)));

        Assert.Equal(4, hit.Weight);
        Assert.Equal(category, hit.Category);
        Assert.StartsWith(reason, hit.Reason, StringComparison.Ordinal);
        Assert.Contains("\") under pressure (\"", hit.Reason, StringComparison.Ordinal);
        Assert.EndsWith("\"), with a link.", hit.Reason, StringComparison.Ordinal);
    }

    // A bank, a wallet or a parcel service does not send its notices from a mailbox anyone can open at free mail.
    [Theory]
    [MemberData(nameof(Unpressed))]
    public void Evaluate_LureFromAPersonalMailboxAtFreeMail_WeighsMore(IScanRule rule, string body, double weight, ThreatCategory category, string reason)
    {
        var hit = Assert.Single(rule.Evaluate(From("\"Customer Care\" <care.desk.4471@gmail.com>", "Notice", body + Link)));

        Assert.Equal(weight + 1.5, hit.Weight);
        Assert.Equal(1.5, hit.WeightAroundContent);
        Assert.Equal(category, hit.Category);
        Assert.StartsWith(reason, hit.Reason, StringComparison.Ordinal);
        Assert.EndsWith("\"), with a link, from a personal mailbox at gmail.com.", hit.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_LureUnderPressureFromAPersonalMailboxAtFreeMail_WeighsMore()
    {
        var hit = Assert.Single(new CredentialLureRule().Evaluate(From("Desk <desk.4471@outlook.com>", "Notice",
            "Your account has been suspended. Verify your account within 24 hours." + Link)));

        Assert.Equal(5.5, hit.Weight);
        Assert.Equal(1.5, hit.WeightAroundContent);
        Assert.EndsWith("\"), with a link, from a personal mailbox at outlook.com.", hit.Reason, StringComparison.Ordinal);
    }

    // A Sender on the organisation's own domain says the free mail address writes for it.
    [Fact]
    public void Evaluate_LureFromFreeMailSentOnBehalfOfAnOrganisation_WeighsItsTopicOnly()
    {
        var message = RuleMail.Headers($"From: Ana <ana.lima@gmail.com>\r\nSender: desk@service.example\r\nTo: alice@{TestMail.Domain}\r\nSubject: Notice",
            "Your parcel could not be delivered. Confirm your delivery address." + Link);

        Assert.Equal(3, Assert.Single(new DeliveryLureRule().Evaluate(message)).Weight);
    }

    [Theory]
    [InlineData("\"Customer Care\" <care@service.example>", "Notice")]
    [InlineData("Ana <ana.lima@gmail.com>", "Fwd: Notice")]
    [InlineData("Ana <ana.lima@gmail.com>", "ENC: Notice")]
    public void Evaluate_LureFromAnOrganisationOrForwardedByAUser_WeighsItsTopicOnly(string from, string subject)
    {
        var hit = Assert.Single(new DeliveryLureRule().Evaluate(From(from, subject, "Your parcel could not be delivered. Confirm your delivery address." + Link)));

        Assert.Equal(3, hit.Weight);
        Assert.Equal(0, hit.WeightAroundContent);
        Assert.DoesNotContain("personal mailbox", hit.Reason, StringComparison.Ordinal);
    }

    private static ScannedMessage From(string from, string subject, string body) =>
        RuleMail.Headers($"From: {from}\r\nTo: alice@{TestMail.Domain}\r\nSubject: {subject}", body);
}
