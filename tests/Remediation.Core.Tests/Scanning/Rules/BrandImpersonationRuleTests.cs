using MimeKit;
using Microsoft.Extensions.Options;
using Remediation.Core.Scanning;
using Remediation.Core.Scanning.Brands;
using Remediation.Core.Scanning.Rules;

namespace Remediation.Core.Tests.Scanning.Rules;

public class BrandImpersonationRuleTests
{
    private readonly BrandImpersonationRule _sut = new(Catalogue());

    internal static BrandCatalogue Catalogue(Dictionary<string, List<string>>? protectedBrands = null) => new(
        Options.Create(new TenantOptions { TenantId = TestMail.TenantId, AcceptedDomains = [TestMail.Domain] }),
        Options.Create(new DetectionOptions { ProtectedBrands = protectedBrands ?? [] }));

    /// <summary>An HTML message from this sender with this subject, body and one link.</summary>
    internal static ScannedMessage Html(string from, string subject, string body, string link, string? alt = null) => TestMail.Read(TestMail.Parse($"""
        From: {from}
        To: alice@{TestMail.Domain}
        Subject: =?utf-8?B?{Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(subject))}?=
        MIME-Version: 1.0
        Content-Type: text/html; charset=utf-8

        <html><body>{(alt is null ? "" : $"<img src=\"https://img.example/logo.png\" alt=\"{alt}\">")}<p>{body}</p><p><a href="{link}">{link}</a></p></body></html>
        """));

    // Impersonations: the brand's name as the sender, service words, and a link elsewhere.
    [Theory]
    [InlineData("\"Microsoft account team\" <no-reply@acct-check.example>", "Unusual sign-in activity", "Review the recent activity on your account.", "https://acct-check.example/review", "Microsoft")]
    [InlineData("\"DHL Paket\" <info@zustellung-service.example>", "Ihr Paket konnte nicht zugestellt werden", "Bitte bestätigen Sie Ihre Adresse.", "https://zustellung-service.example/p", "DHL")]
    [InlineData("Correios <avisos@rastreio-online.example>", "Sua encomenda está aguardando pagamento", "Pague a taxa para liberar o envio.", "https://rastreio-online.example/t", "Correios")]
    [InlineData("\"Agência Tributária\" <notificaciones@devoluciones.example>", "Devolución de impuestos pendiente", "Confirme su cuenta bancaria.", "https://devoluciones.example/aeat", "Agencia Tributaria")]
    [InlineData("Colissimo <suivi@colis-attente.example>", "Votre colis est en attente", "Des frais de livraison restent à régler.", "https://colis-attente.example/c", "La Poste")]
    [InlineData("Belastingdienst <info@teruggave-nu.example>", "Uw belastingteruggave staat klaar", "Bevestig uw rekening binnen 48 uur.", "https://teruggave-nu.example/b", "Belastingdienst")]
    [InlineData("\"Poste Italiane\" <avviso@pacco-giacenza.example>", "Il tuo pacco è in giacenza", "Conferma la spedizione.", "https://pacco-giacenza.example/p", "Poste Italiane")]
    [InlineData("ヤマト運輸 <info@delivery-notice.example>", "お荷物のお届けについて", "ご不在のため持ち帰りました。", "https://delivery-notice.example/y", "Yamato")]
    [InlineData("\"Amazon.co.jp\" <account@amzn-support.example>", "アカウントを確認してください", "お支払い方法を更新してください。", "https://amzn-support.example/a", "Amazon")]
    [InlineData("Orange <service@facture-client.example>", "Votre facture est disponible", "Votre paiement a été refusé.", "https://facture-client.example/o", "Orange")]
    [InlineData("\"Fatura Porto Seguro\" <fatura@cartao-aviso.example>", "Sua fatura chegou", "Pague sua fatura com desconto.", "https://cartao-aviso.example/p", "Porto Seguro")]
    [InlineData("\"Starbucks Rewards\" <rewards@coffee-gift.example>", "Your reward is waiting", "Claim your gift card today.", "https://coffee-gift.example/s", "Starbucks")]
    [InlineData("\"Ρayраl\" <service@secure-limits.example>", "Your account is limited", "Confirm your card.", "https://secure-limits.example/p", "PayPal")]
    [InlineData("\"Net\u200Bflix\" <billing@renew-plan.example>", "Payment declined", "Update your card to keep watching.", "https://renew-plan.example/n", "Netflix")]
    [InlineData("ChatGPT <billing@plan-renewal.example>", "Your subscription payment failed", "Update your card to keep access.", "https://plan-renewal.example/c", "OpenAI")]
    [InlineData("\"GitHub Security\" <support@githubsupport.example>", "Unusual sign-in to your account", "Verify your account to keep your repositories.", "https://githubsupport.example/login", "GitHub")]
    [InlineData("\"Interac e-Transfer\" <notify@etransfer-deposit.example>", "You have received a payment", "Deposit your funds before they expire.", "https://etransfer-deposit.example/d", "Interac")]
    [InlineData("\"Geek Squad\" <billing@renewal-desk.example>", "Your subscription was renewed", "Your card was charged $399.99.", "https://renewal-desk.example/r", "Geek Squad")]
    [InlineData("CommBank <alerts@netbank-secure.example>", "Your account has been locked", "Confirm your details to restore access.", "https://netbank-secure.example/c", "Commonwealth Bank")]
    [InlineData("\"Qantas Frequent Flyer\" <points@flyer-rewards.example>", "Your points expire today", "Redeem your points now.", "https://flyer-rewards.example/q", "Qantas")]
    public void Evaluate_BrandAsSenderWithForeignLinks_IsPhishingAtSuspiciousStrength(string from, string subject, string body, string link, string brand)
    {
        var hit = Assert.Single(_sut.Evaluate(Html(from, subject, body, link)));

        Assert.Equal(ThreatCategory.Phishing, hit.Category);
        Assert.True(hit.Weight >= 8, hit.Reason);
        Assert.Contains($"Claims to be {brand}", hit.Reason, StringComparison.Ordinal);
        Assert.Contains("sender name", hit.Reason, StringComparison.Ordinal);
        Assert.Contains(new Uri(link).Host, hit.Reason, StringComparison.Ordinal);
    }

    // A name that is also a word or a person's name is the brand when a desk signs with it.
    [Theory]
    [InlineData("\"Ripple Team\" <xrpl@retail-shop.example>", "Ripple")]
    [InlineData("\"Equipe Stellar\" <news@promo-mail.example>", "Stellar")]
    [InlineData("\"Lido Community\" <hello@rewards-mail.example>", "Lido")]
    [InlineData("\"Kraken Kundenservice\" <info@mailer.example>", "Kraken")]
    [InlineData("\"Scroll Community\" <noreply@events-mail.example>", "Scroll")]
    [InlineData("\"Ledger Notice\" <notice@alerts-mail.example>", "Ledger")]
    [InlineData("\"Hiba from Ledger\" <ledger-notifications@mailer.example>", "Ledger")]
    [InlineData("\"[BB] - Comunicado ao cliente\" <aviso@mailer.example>", "Banco do Brasil")]
    [InlineData("\"(BB) - (Liberação Pendente)\" <aviso@mailer.example>", "Banco do Brasil")]
    public void Evaluate_AmbiguousBrandSignedByADesk_IsAClaim(string from, string brand)
    {
        var hit = Assert.Single(_sut.Evaluate(Html(from, "News for holders", "Read the announcement.", "https://landing.example/read")));

        Assert.Contains($"Claims to be {brand}", hit.Reason, StringComparison.Ordinal);
        Assert.True(hit.Weight >= 5, hit.Reason);
    }

    // A brand the reader sees in disguise. A capital I drawn where the name has a small L, or a small l where it has a
    // capital I, makes even an ambiguous name the brand's. Letters from other alphabets drawn like Latin ones: Armenian
    // "ո" for n, the Greek lunate capital sigma for C, mathematical bold letters; and a Syriac point over each letter.
    [Theory]
    [InlineData("Iedger <jennifer@shop-mail.example>", "Security notice", "Ledger")]
    [InlineData("\"Ledger WaIIet\" <notice@university.example>", "Important: new regulations", "Ledger")]
    [InlineData("\"ltaú Cartões\" <aviso@mailer.example>", "Seus pontos expiram hoje", "Itaú")]
    [InlineData("\"Aviso\" <aviso@mailer.example>", "Reembolso lRS disponível", "IRS")]
    [InlineData("\"Trust WaIIet\" <care@shop-mail.example>", "Digital assets will get suspended", "Trust Wallet")]
    [InlineData("\"Support\" <care@shop-mail.example>", "Your PayPaI account is limited", "PayPal")]
    [InlineData("\"Ϲoіոbаѕе\" <noreply@campaign.example>", "Υour ѡallet has bеen frozen", "Coinbase")]
    [InlineData("\"Support\" <care@shop-mail.example>", "Your 𝐍𝐞𝐭𝐟𝐥𝐢𝐱 account is on hold", "Netflix")]
    [InlineData("\"N\u073Fe\u073Ft\u073Ff\u073Fl\u073Fi\u073Fx\u073F Billing\" <care@shop-mail.example>", "Update your card details", "Netflix")]
    [InlineData("\"P a y P a l\" <noreply@campaign.example>", "Your recovery email was changed", "PayPal")]
    public void Evaluate_BrandInDisguise_IsAClaim(string from, string subject, string brand)
    {
        var hit = Assert.Single(_sut.Evaluate(Html(from, subject, "Act now.", "https://landing.example/read")));

        Assert.Contains($"Claims to be {brand}", hit.Reason, StringComparison.Ordinal);
    }

    // The I-for-l disguise is the intent itself: a subject without a word of the brand's service speaks for it, and
    // as strongly as a service-worded sender name, since no one writes a name so but to pass filters as the brand.
    [Theory]
    [InlineData("\"Vault Scanner\" <hello@store-mail.example>", "Scan your Iedger now", "Ledger")]
    [InlineData("\"Team\" <team@store-mail.example>", "Hello from PayPaI", "PayPal")]
    [InlineData("\"Aviso\" <aviso@mailer.example>", "Sua conta A m a z o n foi suspensa", "Amazon")]
    public void Evaluate_SubjectNamingTheBrandInDisguise_WeighsAsTheBrandSpeaking(string from, string subject, string brand)
    {
        var hit = Assert.Single(_sut.Evaluate(Html(from, subject, "Act now.", "https://landing.example/read")));

        Assert.StartsWith($"Claims to be {brand} (subject, the name disguised)", hit.Reason, StringComparison.Ordinal);
        Assert.Equal(8, hit.Weight);
    }

    // Written plainly, the same subject is a shop or a newsletter talking about the product, without service words.
    [Fact]
    public void Evaluate_SubjectNamingTheAmbiguousBrandPlainly_DoesNotFire()
    {
        Assert.Empty(_sut.Evaluate(Html("\"Vault Scanner\" <hello@store-mail.example>", "Scan your ledger now", "Act now.", "https://landing.example/read")));
    }

    // The opening words of the body name who speaks, as a heading or letterhead does.
    [Theory]
    [InlineData("METAMASK wallet notice: please confirm your wallet before Friday.", "MetaMask")]
    [InlineData("Compte Microsoft : activité de connexion inhabituelle sur votre compte.", "Microsoft")]
    public void Evaluate_BrandInTheHeadingWithLinksElsewhere_IsAClaim(string body, string brand)
    {
        var hit = Assert.Single(_sut.Evaluate(Html("Support <care@helpdesk-mail.example>", "Notice", body, "https://landing.example/go")));

        Assert.StartsWith($"Claims to be {brand} (body, heading)", hit.Reason, StringComparison.Ordinal);
        Assert.Equal(5, hit.Weight);
    }

    // The sender's own mail names the shops it serves: a carrier's notice, a shop's newsletter linking to its own site.
    [Theory]
    [InlineData("DHL Paket <noreply@dhl.de>", "https://www.dhl.de/sendung")]
    [InlineData("Gartenhaus <news@gartenhaus.example>", "https://www.gartenhaus.example/bestellung")]
    public void Evaluate_BrandInTheHeadingOfTheSendersOwnMail_IsNoClaim(string from, string link)
    {
        Assert.Empty(_sut.Evaluate(Html(from, "Ihre Lieferung", "Ihr Zalando-Paket kommt heute zwischen 10 und 12 Uhr.", link)));
    }

    // A brand's footer borrowed by a personal mailbox: the links to the brand prove nothing, as no brand sends its
    // invoices from hotmail.com.
    [Theory]
    [InlineData("\"Cartão Porto Seguro\" <faturas.cartao88@hotmail.com>", "https://www.portoseguro.com.br/cartao")]
    [InlineData("\"Netflix Billing\" <netflix.billing.team@gmail.com>", "https://help.netflix.com/")]
    public void Evaluate_BrandNamedByAPersonalMailboxWithLinksToTheBrand_IsAClaim(string from, string brandLink)
    {
        var hit = Assert.Single(_sut.Evaluate(Html(from, "Sua fatura / your invoice", "Pay the invoice attached.", brandLink)));

        Assert.True(hit.Weight >= 5, hit.Reason);
        Assert.Contains("the sender is the personal mailbox", hit.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_PersonalMailboxSharingTheBrandsPageInTheBody_DoesNotFire()
    {
        var html = Html("Ana Lima <ana.lima@gmail.com>", "Video", "This Netflix help page explains how to change the account password.", "https://help.netflix.com/");

        Assert.Empty(_sut.Evaluate(html));
    }

    [Theory]
    [InlineData("\"Ripple Farm Shop\" <orders@ripplefarm.example>")]
    [InlineData("\"Stellar Smith\" <stellar.smith@gmail.com>")]
    [InlineData("\"Scroll & Quill Bookbinding\" <shop@scrollquill.example>")]
    public void Evaluate_AmbiguousNameWithoutADesk_IsNoClaim(string from)
    {
        Assert.Empty(_sut.Evaluate(Html(from, "News for holders", "Read the announcement.", "https://landing.example/read")));
    }

    // The brand's own notifications: sent from and linking to its domains.
    [Theory]
    [InlineData("\"Microsoft account team\" <account-security-noreply@accountprotection.microsoft.com>", "Unusual sign-in activity", "Review the recent activity on your account.", "https://account.microsoft.com/activity")]
    [InlineData("\"DHL Paket\" <noreply@dhl.de>", "Ihr Paket kommt heute", "Verfolgen Sie Ihre Sendung.", "https://www.dhl.de/sendung")]
    [InlineData("Correios <naoresponda@correios.com.br>", "Sua encomenda foi entregue", "Acompanhe o rastreio.", "https://rastreamento.correios.com.br/x")]
    [InlineData("\"Agencia Tributaria\" <notificaciones@agenciatributaria.gob.es>", "Nueva notificación", "Acceda a su cuenta.", "https://sede.agenciatributaria.gob.es/n")]
    [InlineData("Colissimo <noreply@colissimo.fr>", "Votre colis arrive", "Suivez votre livraison.", "https://www.laposte.fr/outils/suivre-vos-envois")]
    [InlineData("Belastingdienst <noreply@belastingdienst.nl>", "Uw aangifte", "Log in met DigiD.", "https://mijn.belastingdienst.nl/")]
    [InlineData("\"Poste Italiane\" <noreply@poste.it>", "Il tuo pacco è in consegna", "Segui la spedizione.", "https://www.poste.it/cerca")]
    [InlineData("ヤマト運輸 <mail@kuronekoyamato.co.jp>", "お荷物のお届け予定", "お届け予定日をご確認ください。", "https://toi.kuronekoyamato.co.jp/")]
    [InlineData("GitHub <noreply@github.com>", "[GitHub] A new sign-in to your account", "Review your account's security log.", "https://github.com/settings/security-log")]
    [InlineData("\"Jira\" <jira@contoso.atlassian.net>", "[JIRA] Invoice approval assigned to you", "Open the issue to confirm the payment.", "https://contoso.atlassian.net/browse/FIN-12")]
    [InlineData("Interac <notify@payments.interac.ca>", "INTERAC e-Transfer: you received money", "Deposit your funds.", "https://etransfer.interac.ca/deposit")]
    public void Evaluate_BrandsOwnNotification_DoesNotFire(string from, string subject, string body, string link)
    {
        Assert.Empty(_sut.Evaluate(Html(from, subject, body, link)));
    }

    // Appended mail proves nothing about its sender: the brand's own address with every link elsewhere is a claim.
    [Fact]
    public void Evaluate_BrandsOwnAddressAppendedWithForeignLinks_IsPhishing()
    {
        var hit = Assert.Single(_sut.Evaluate(Html("\"Microsoft account team\" <no-reply@microsoft.com>", "Unusual sign-in activity", "Review the recent activity on your account.", "https://acct-review.example/r")));

        Assert.Equal(8, hit.Weight);
        Assert.Equal(ThreatCategory.Phishing, hit.Category);
        Assert.Equal(
            "Claims to be Microsoft (sender name), in the words of its service (\"sign-in\"), but the sender's address no-reply@microsoft.com is unproven (the message did not pass this tenant's transport) and its links go to acct-review.example; Microsoft sends from microsoft.com, microsoftonline.com, office.com.",
            hit.Reason);
    }

    [Fact]
    public void Evaluate_BrandsOwnAddressWithForeignLinksThroughTheTenantsTransport_DoesNotFire()
    {
        var html = Html("\"Microsoft account team\" <no-reply@microsoft.com>", "Unusual sign-in activity", "Review the recent activity on your account.", "https://acct-review.example/r");
        var arrival = new DateTimeOffset(2024, 11, 12, 9, 15, 30, TimeSpan.Zero);
        var stamped = TransportStamps.Stamp(html.Mime, TestMail.TenantId, arrival);

        Assert.Empty(_sut.Evaluate(TestMail.Read(stamped, new ScanInput(stamped) { ReceivedAt = arrival })));
    }

    // Transport found the brand's domain did not send it: the address is as unproven as on appended mail.
    [Fact]
    public void Evaluate_BrandsOwnAddressThatTransportFoundSpoofed_IsPhishing()
    {
        var html = Html("\"Microsoft account team\" <no-reply@microsoft.com>", "Unusual sign-in activity", "Review the recent activity on your account.", "https://acct-review.example/r");
        var arrival = new DateTimeOffset(2024, 11, 12, 9, 15, 30, TimeSpan.Zero);
        var stamped = TransportStamps.Stamp(html.Mime, TestMail.TenantId, arrival, senderCheckFailed: true);

        var hit = Assert.Single(_sut.Evaluate(TestMail.Read(stamped, new ScanInput(stamped) { ReceivedAt = arrival })));

        Assert.Equal((8, ThreatCategory.Phishing), (hit.Weight, hit.Category));
        Assert.Contains("the sender's address no-reply@microsoft.com is unproven (this tenant's transport found compauth=fail reason=001)", hit.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://account.microsoft.com/activity")] // one link to the brand: its footer or its page
    [InlineData(null)]                                     // nothing to click: an alert to read
    public void Evaluate_BrandsOwnAddressAppendedWithALinkToTheBrandOrNone_DoesNotFire(string? brandLink)
    {
        var links = brandLink is null ? "" : $"<a href=\"https://acct-review.example/r\">Review</a> <a href=\"{brandLink}\">Account</a>";
        var message = TestMail.Read(TestMail.Parse($"""
            From: "Microsoft account team" <no-reply@microsoft.com>
            To: alice@{TestMail.Domain}
            Subject: Unusual sign-in activity
            MIME-Version: 1.0
            Content-Type: text/html; charset=utf-8

            <html><body><p>Review the recent activity on your account.</p>{links}</body></html>
            """));

        Assert.Empty(_sut.Evaluate(message));
    }

    // The callback phish: nothing to click but "write to us" addressed to a stranger's mailbox.
    [Fact]
    public void Evaluate_BrandsOwnAddressAppendedWithMailLinksToAStranger_IsPhishing()
    {
        var hit = Assert.Single(_sut.Evaluate(Html("\"Microsoft account team\" <no-reply@microsoft.com>", "Unusual sign-in activity", "Not you? Write to us to secure the account.", "mailto:unusual-activity@acct-review.example?subject=Report")));

        Assert.Equal(8, hit.Weight);
        Assert.Contains("its links go to acct-review.example", hit.Reason);
    }

    // Anyone can write the brand's own address: a mail link to it neither proves the brand nor leads away from it.
    [Theory]
    [InlineData("mailto:privacy@microsoft.com")]
    [InlineData("mailto:privacy@microsoft.com?subject=Opt%20out")]
    public void Evaluate_BrandsMailLinkIsNeitherProofNorAWayElsewhere(string mailLink)
    {
        Assert.Empty(_sut.Evaluate(Html("\"Microsoft account team\" <no-reply@microsoft.com>", "Unusual sign-in activity", "Review the recent activity on your account.", mailLink)));
        var hit = Assert.Single(_sut.Evaluate(TestMail.Read(TestMail.Parse($"""
            From: "Microsoft account team" <no-reply@microsoft.com>
            To: alice@{TestMail.Domain}
            Subject: Unusual sign-in activity
            MIME-Version: 1.0
            Content-Type: text/html; charset=utf-8

            <html><body><p>Review the recent activity on your account.</p><a href="https://acct-review.example/r">Review</a> <a href="{mailLink}">Write to us</a></body></html>
            """))));
        Assert.Contains("its links go to acct-review.example", hit.Reason);
    }

    [Fact]
    public void Evaluate_BrandsOwnAddressAppendedSharingADocumentOnTheBrandsService_DoesNotFire()
    {
        // docs.google.com is anyone's page, but a share notification from google.com links nowhere else.
        Assert.Empty(_sut.Evaluate(Html("\"Jane Doe (via Google Docs)\" <drive-shares-dm-noreply@google.com>", "Document shared with you: \"Budget 2025\"", "Jane Doe shared a document with you. Open it to review.", "https://docs.google.com/document/d/1x2y3z/edit")));
    }

    [Fact]
    public void Evaluate_AppendedFromAMailboxAtTheBrandsFreeMail_IsNoClaimOfTheBrand()
    {
        // Anyone has an address at aol.com: "AOL Mail" there is its user's name for the mailbox, not the brand speaking.
        Assert.Empty(_sut.Evaluate(Html("\"AOL Mail\" <someone@aol.com>", "Photos from the trip", "Here are the pictures, log in to see them.", "https://photo-share.example/a")));
    }

    // Shops, newsletters, news and people that only mention a brand.
    [Theory]
    [InlineData("\"Gadget Shop\" <news@gadgetshop.example>", "New Apple iPhone cases in stock", "Order today, pay with PayPal or Apple Pay.", "https://gadgetshop.example/cases")]
    [InlineData("\"Tech Weekly\" <digest@techweekly.example>", "Microsoft reports record quarter", "Analysts expect more cloud growth.", "https://techweekly.example/story")]
    [InlineData("\"Mein Shop\" <info@meinshop.example>", "Kostenloser Versand mit DHL", "Jetzt bestellen, Lieferung in zwei Tagen.", "https://meinshop.example/angebote")]
    [InlineData("\"Loja Bela\" <ofertas@lojabela.example>", "Ofertas da semana", "Enviamos pelos Correios para todo o Brasil, pague com Pix.", "https://lojabela.example/ofertas")]
    [InlineData("\"Asesoría Gómez\" <info@asesoriagomez.example>", "Consejos para la declaración de la renta", "La Agencia Tributaria abre el plazo en abril.", "https://asesoriagomez.example/renta")]
    [InlineData("\"La Boutique\" <news@laboutique.example>", "Livraison offerte avec Colissimo", "Profitez de nos soldes.", "https://laboutique.example/soldes")]
    [InlineData("\"Kookclub\" <recepten@kookclub.example>", "Appeltaart van de week", "Een recept met Apple-appels en Orange-sinaasappels.", "https://kookclub.example/appeltaart")]
    [InlineData("\"Tom from Apple Farm Shop\" <tom@applefarmshop.example>", "Your box for this week", "Pick it up on Friday.", "https://orchard-photos.example/box")]
    [InlineData("\"Chase Miller\" <chase.miller@gmail.com>", "Invoice for the garden work", "Here is the invoice, payment by card is fine.", "https://gardenpics.example/album")]
    [InlineData("\"Bob Smith\" <bob@partner.example>", "Fwd: Your PayPal receipt", "Forwarding the receipt from PayPal for the expense report.", "https://www.paypal.com/activity")]
    [InlineData("\"Negozio Verde\" <info@negozioverde.example>", "Spedizione gratuita con Poste Italiane", "Ordina entro domenica.", "https://negozioverde.example/promo")]
    public void Evaluate_BrandOnlyMentioned_StaysBelowSuspicious(string from, string subject, string body, string link)
    {
        Assert.True(_sut.Evaluate(Html(from, subject, body, link)).Sum(h => h.Weight) < 3);
    }

    [Fact]
    public void Evaluate_BrandInSubjectFromAnonymousSender_IsSuspicious()
    {
        var hit = Assert.Single(_sut.Evaluate(Html("<alerts@notice-center.example>", "Your Netflix payment failed", "Update your details.", "https://notice-center.example/n")));

        Assert.Equal(5, hit.Weight);
        Assert.Contains("subject", hit.Reason, StringComparison.Ordinal);
    }

    // A From header that names no address, or shows one name and hides the address in a second entry, still speaks
    // as the brand it shows: no address at all can be the brand's.
    [Theory]
    [InlineData("Netflix <>")]
    [InlineData("\"Netflix\"")]
    [InlineData("Netflix, _ <billing@notice-center.example>")]
    [InlineData("\"Netflix\" ,_<billing@notice-center.example>")]
    public void Evaluate_BrandShownByAFromHeaderThatHidesItsAddress_IsAClaim(string from)
    {
        var hit = Assert.Single(_sut.Evaluate(Html(from, "Your payment failed", "Update your details.", "https://notice-center.example/n")));

        Assert.Equal(8, hit.Weight);
        Assert.Contains("Netflix (sender name", hit.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_FromHeaderWithNoAddressAtAll_SaysSo()
    {
        var hit = Assert.Single(_sut.Evaluate(Html("Netflix <>", "Your payment failed", "Update your details.", "https://notice-center.example/n")));

        Assert.Contains("but the From header names no sender address and its links go to notice-center.example", hit.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_EncodedNameShownByAFromHeaderThatHidesItsAddress_IsDecoded()
    {
        var hit = Assert.Single(_sut.Evaluate(Html("=?utf-8?B?TmV0ZmxpeA==?=, _ <billing@notice-center.example>", "Your payment failed", "Update your details.", "https://notice-center.example/n")));

        Assert.Equal(8, hit.Weight);
    }

    [Fact]
    public void Evaluate_BrandOnlyInLogoAltText_AddsLittle()
    {
        var hit = Assert.Single(_sut.Evaluate(Html("\"Support\" <help@desk-notice.example>", "Action needed", "Confirm your account.", "https://desk-notice.example/x", alt: "DocuSign")));

        Assert.Equal(2, hit.Weight);
        Assert.Contains("image text", hit.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_ShortBrandInsideLongerWord_DoesNotMatch()
    {
        Assert.Empty(_sut.Evaluate(Html("\"Upstate Dhlomo\" <x@upstate.example>", "Updates", "Ups and downs of the account.", "https://upstate.example/")));
    }

    [Fact]
    public void Engine_ImpersonationAppendedWithoutTransport_IsMaliciousPhishing()
    {
        var html = Html("\"DHL Express\" <info@zustellung-service.example>", "Ihre Sendung wartet", "Zollgebühr bezahlen.", "https://zustellung-service.example/p");

        var verdict = TestMail.Engine().Scan(new ScanInput(html.Mime));

        Assert.Equal(VerdictBand.Malicious, verdict.Band);
        Assert.Equal(ThreatCategory.Phishing, verdict.Category);
    }

    /// <summary>A plain-text message without links.</summary>
    private static ScannedMessage Plain(string from, string subject, string body) => TestMail.Read(TestMail.Parse(
        $"{(from.Length > 0 ? $"From: {from}\r\n" : "")}To: alice@{TestMail.Domain}\r\nSubject: {subject}\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n"));

    [Fact]
    public void Evaluate_BrandNameWithServiceWordsAndForeignLinks_ExplainsTheClaim()
    {
        var hit = Assert.Single(_sut.Evaluate(Html("\"Netflix\" <billing@renew-plan.example>", "Payment declined", "Update your card.", "https://renew-plan.example/n")));

        Assert.Equal(BrandImpersonationRule.Name, hit.Rule);
        Assert.Equal(8, hit.Weight);
        Assert.Equal(
            "Claims to be Netflix (sender name), in the words of its service (\"Payment\"), but the sender is billing@renew-plan.example and its links go to renew-plan.example; Netflix sends from netflix.com, netflix.net, nflxext.com.",
            hit.Reason);
    }

    [Fact]
    public void Evaluate_BrandNameWithLinksToTheBrand_AddsLittle()
    {
        var hit = Assert.Single(_sut.Evaluate(Html("\"Netflix\" <billing@renew-plan.example>", "Payment declined", "Update your card.", "https://www.netflix.com/account")));

        Assert.Equal(2, hit.Weight);
        Assert.Contains("and some links go to the brand (www.netflix.com);", hit.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_BrandOnlyInTheAddressWithForeignLinks_IsSuspicious()
    {
        var hit = Assert.Single(_sut.Evaluate(Html("<netflix-billing@renew-plan.example>", "Payment declined", "Update your card.", "https://renew-plan.example/n")));

        Assert.Equal(5, hit.Weight);
        Assert.StartsWith("Claims to be Netflix (sender address), in the words", hit.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_BrandNameWithoutServiceWordsWithForeignLinks_IsSuspicious()
    {
        var hit = Assert.Single(_sut.Evaluate(Html("\"Netflix\" <hello@news-hub.example>", "Hello", "See you soon.", "https://news-hub.example/n")));

        Assert.Equal(5, hit.Weight);
        Assert.Equal(
            "Claims to be Netflix (sender name), but the sender is hello@news-hub.example and its links go to news-hub.example; Netflix sends from netflix.com, netflix.net, nflxext.com.",
            hit.Reason);
    }

    [Theory]
    [InlineData("Payment declined", "Update your card.", 5)]
    [InlineData("Hello", "See you soon.", 3)]
    public void Evaluate_BrandNameWithoutLinks_WeighsTheServiceWords(string subject, string body, double weight)
    {
        var hit = Assert.Single(_sut.Evaluate(Plain("\"Netflix\" <hello@news-hub.example>", subject, body)));

        Assert.Equal(weight, hit.Weight);
        Assert.Contains("hello@news-hub.example and it has no links;", hit.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_TenantAddressNamingAProductWithoutLinks_DoesNotFire()
    {
        var message = Plain($"\"Microsoft Outlook\" <alice@{TestMail.Domain}>", "Microsoft Outlook Test Message", "Sent while testing the settings for your account.");

        Assert.Empty(_sut.Evaluate(message));
    }

    // Mail sent into the tenant in its own domain's name, which transport found spoofed ("direct send"), is not the organisation's note.
    [Fact]
    public void Evaluate_TenantAddressThatTransportFoundSpoofed_NamingAProductWithoutLinks_Fires()
    {
        var plain = Plain($"\"Microsoft Outlook\" <alice@{TestMail.Domain}>", "Microsoft Outlook Test Message", "Sent while testing the settings for your account.");
        var arrival = new DateTimeOffset(2024, 11, 12, 9, 15, 30, TimeSpan.Zero);
        var stamped = TransportStamps.Stamp(plain.Mime, TestMail.TenantId, arrival, senderCheckFailed: true);

        var hit = Assert.Single(_sut.Evaluate(TestMail.Read(stamped, new ScanInput(stamped) { ReceivedAt = arrival })));

        Assert.Equal(5, hit.Weight);
    }

    [Fact]
    public void Evaluate_NoFromHeader_DoesNotFire()
    {
        Assert.Empty(_sut.Evaluate(Plain("", "Your Netflix payment failed", "Update your card.")));
    }

    [Fact]
    public void Evaluate_BrandInSubjectWithoutLinks_IsWeak()
    {
        var hit = Assert.Single(_sut.Evaluate(Plain("<alerts@notice-center.example>", "Your Netflix payment failed", "Update your details.")));

        Assert.Equal(3, hit.Weight);
        Assert.StartsWith("Claims to be Netflix (subject), in the words of its service (\"payment\")", hit.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"Acme News\" <news@acme.example>", 2)]
    [InlineData("\"Xyz\" <news@xyz.example>", 2)]
    [InlineData("\"Acme Newsletter Desk\" <news@acme-mail.example>", 5)]
    [InlineData("\"Ab\" <news@ab.example>", 5)]
    [InlineData("\"Abc Mail\" <news@abc.example>", 5)]
    public void Evaluate_BrandInSubjectOfASenderSigningItsOwnName_IsTalkAboutTheBrand(string from, double weight)
    {
        var hit = Assert.Single(_sut.Evaluate(Html(from, "Your Netflix account", "Read more.", "https://news-hub.example/a")));

        Assert.Equal(weight, hit.Weight);
    }

    // German joins its nouns: a voucher is any word ending in "gutschein", and a gift card a "Geschenkkarte".
    [Theory]
    [InlineData("Ein EDEKA Warengutschein über 300 € für Sie", "EDEKA", "Warengutschein")]
    [InlineData("Ihre Lidl-Geschenkkarte ist bereit", "Lidl", "Geschenkkarte")]
    public void Evaluate_BrandInSubjectBesideAGermanCompound_SpeaksForTheBrand(string subject, string brand, string word)
    {
        var hit = Assert.Single(_sut.Evaluate(Html("<gewinn@aktion-heute.example>", subject, "Jetzt teilnehmen.", "https://aktion-heute.example/start")));

        Assert.Equal(5, hit.Weight);
        Assert.StartsWith($"Claims to be {brand} (subject), in the words of its service (\"{word}\")", hit.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Fwd: Your Netflix payment failed", "https://news-hub.example/a")]
    [InlineData("Netflix tonight", "https://news-hub.example/a")]
    [InlineData("Your Netflix payment failed", "https://www.netflix.com/a")]
    public void Evaluate_BrandInAForwardedOrWordlessSubjectOrWithItsOwnLinks_DoesNotFire(string subject, string link)
    {
        Assert.Empty(_sut.Evaluate(Html("<alerts@notice-center.example>", subject, "Read more.", link)));
    }

    [Fact]
    public void Evaluate_BrandInLinkTextWithServiceWordsAndForeignLink_AddsLittle()
    {
        var message = RuleMail.Html("<p>Update your payment.</p><a href=\"https://news-hub.example/x\">Open Netflix</a>", from: "<alerts@notice-center.example>", subject: "Notice");

        var hit = Assert.Single(_sut.Evaluate(message));

        Assert.Equal(2, hit.Weight);
        Assert.StartsWith("Claims to be Netflix (body, link text),", hit.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<p>See you soon.</p><a href=\"https://news-hub.example/x\">Open Netflix</a>")]
    [InlineData("<p>Update your payment.</p><a href=\"https://www.netflix.com/x\">Open Netflix</a>")]
    [InlineData("<p>Update your payment.</p><p>Netflix</p><a href=\"https://news-hub.example/x\">Open</a>")]
    public void Evaluate_BrandInContentWithoutServiceWordsOrWithItsOwnLinkOrOnlyInTheBody_DoesNotFire(string html)
    {
        Assert.Empty(_sut.Evaluate(RuleMail.Html(html, from: "<alerts@notice-center.example>", subject: "Notice")));
    }

    [Fact]
    public void Evaluate_BrandEverywhere_NamesEveryPlace()
    {
        var body = new BodyBuilder
        {
            HtmlBody = "<p>Your Netflix payment failed.</p><img src=\"https://img.example/l.png\" alt=\"Netflix\"><a href=\"https://renew-plan.example/n\">Netflix</a>",
        };
        body.Attachments.Add("Netflix.pdf", RuleMail.Ascii("%PDF-1.4"));
        var mime = new MimeMessage { Subject = "Netflix payment declined", Body = body.ToMessageBody() };
        mime.From.Add(MailboxAddress.Parse("\"Netflix\" <netflix-billing@renew-plan.example>"));
        mime.To.Add(MailboxAddress.Parse($"alice@{TestMail.Domain}"));

        var hit = Assert.Single(_sut.Evaluate(TestMail.Read(mime)));

        Assert.StartsWith("Claims to be Netflix (sender name, sender address, subject, body, link text, image text, attachment name),", hit.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_BrandInAttachmentNameWithServiceWordsAndForeignLink_AddsLittle()
    {
        var body = new BodyBuilder { TextBody = "Pay your invoice at https://news-hub.example/p" };
        body.Attachments.Add("Netflix.pdf", RuleMail.Ascii("%PDF-1.4"));
        var mime = new MimeMessage { Subject = "Notice", Body = body.ToMessageBody() };
        mime.From.Add(MailboxAddress.Parse("alerts@notice-center.example"));

        var hit = Assert.Single(_sut.Evaluate(TestMail.Read(mime)));

        Assert.Equal(2, hit.Weight);
        Assert.StartsWith("Claims to be Netflix (attachment name),", hit.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_TwoBrands_KeepsTheStrongerClaim()
    {
        var hit = Assert.Single(_sut.Evaluate(Html("\"PayPal\" <service@notice-hub.example>", "Your Netflix payment failed", "Update.", "https://www.paypal.com/x")));

        Assert.Equal(5, hit.Weight);
        Assert.Equal(
            "Claims to be Netflix (subject), in the words of its service (\"payment\"), but the sender is service@notice-hub.example and its links go to paypal.com; Netflix sends from netflix.com, netflix.net, nflxext.com.",
            hit.Reason);
    }

    [Fact]
    public void Evaluate_TwoBrandsAsStrong_KeepsTheFirst()
    {
        var hit = Assert.Single(_sut.Evaluate(Plain("\"PayPal Netflix\" <hello@news-hub.example>", "Hello", "See you soon.")));

        Assert.StartsWith("Claims to be PayPal (sender name)", hit.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_SameAddressAsFromAndSender_NamedOnce()
    {
        var message = TestMail.Read(TestMail.Parse(
            $"From: \"Netflix\" <hello@news-hub.example>\r\nSender: hello@news-hub.example\r\nTo: alice@{TestMail.Domain}\r\nSubject: Hello\r\n\r\nSee you soon.\r\n"));

        var hit = Assert.Single(_sut.Evaluate(message));

        Assert.Contains("but the sender is hello@news-hub.example and it has no links", hit.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_ManyForeignLinks_NamesThreeDomains()
    {
        var message = Plain("\"Netflix\" <hello@news-hub.example>", "Hello",
            "https://a.one-site.example/x https://b.one-site.example/y https://two-site.example/z mailto:x@y.example https://three-site.example/ https://four-site.example/");

        var hit = Assert.Single(_sut.Evaluate(message));

        Assert.Contains("and its links go to one-site.example, two-site.example, three-site.example;", hit.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_BrandLinkOnUserContentHost_CountsAsForeign()
    {
        var hit = Assert.Single(_sut.Evaluate(Html("\"Google Drive\" <share@drive-notice.example>", "Shared with you", "Open the file.", "https://docs.google.com/document/d/1")));

        Assert.Equal(
            "Claims to be Google (sender name, body, link text), but the sender is share@drive-notice.example and its links go to google.com; Google sends from google.com, youtube.com, googlemail.com.",
            hit.Reason);
    }

    [Theory]
    [InlineData("\"Bob\" <google.fan@gmail.com>")]
    [InlineData("<support@netflix.example>")]
    [InlineData("\"Orange Farm\" <shop@farm-box.example>")]
    public void Evaluate_AddressAtTheBrandsMailDomainOrAmbiguousNameAmongOtherWords_NoClaim(string from)
    {
        Assert.Empty(_sut.Evaluate(Plain(from, "Your account", "Hello.")));
    }

    // Bing's click tracking sends the reader on to the phish: a link to www.bing.com is not Microsoft's own page.
    [Theory]
    [InlineData("https://landing.example/login", 8, "its links go to landing.example")]
    [InlineData("https://account.microsoft.com/security", 2, "some links go to the brand (account.microsoft.com)")]
    public void Evaluate_LinkThroughARedirect_GoesWhereTheRedirectSends(string destination, double weight, string links)
    {
        var encoded = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(destination)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var message = TestMail.Read(TestMail.Parse(
            $"From: \"Microsoft Account\" <notice@mailer.example>\r\nTo: alice@{TestMail.Domain}\r\nSubject: Your account\r\nContent-Type: text/html\r\n\r\n" +
            $"<html><body><p>Review your account.</p><a href=\"https://www.bing.com/ck/a?u=a1{encoded}\">Review</a></body></html>\r\n"));

        var hit = Assert.Single(_sut.Evaluate(message));

        Assert.Equal(weight, hit.Weight);
        Assert.Contains(links, hit.Reason, StringComparison.Ordinal);
    }

    // Service words are read in their plural too: "Cartões" is the cards desk of a bank whose name is two letters.
    [Theory]
    [InlineData("\"BB Cartões\" <avisos77@gmail.com>", "Banco do Brasil")]
    [InlineData("\"Banco Central do Brasil\" <avisos77@gmail.com>", "Banco Central do Brasil")]
    public void Evaluate_AmbiguousBankNameBesideItsDesk_IsAClaim(string from, string brand)
    {
        var hit = Assert.Single(_sut.Evaluate(Plain(from, "Notificação", "Veja o anexo.")));

        Assert.StartsWith($"Claims to be {brand} (sender name)", hit.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_AmbiguousBrandBesideAServiceWordInTheName_IsAClaim()
    {
        var hit = Assert.Single(_sut.Evaluate(Plain("\"Orange Billing\" <hello@news-hub.example>", "Hello", "See you soon.")));

        Assert.Equal(3, hit.Weight);
        Assert.StartsWith("Claims to be Orange (sender name), but the sender is hello@news-hub.example", hit.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_SeveralSendersAndBrandLinks_NamesEach()
    {
        var message = TestMail.Read(TestMail.Parse(
            $"From: \"Netflix\" <hello@news-hub.example>\r\nSender: relay@mail-relay.example\r\nTo: alice@{TestMail.Domain}\r\nSubject: Hello\r\n\r\n" +
            "See https://www.netflix.com/a and https://help.netflix.com/b\r\n"));

        var hit = Assert.Single(_sut.Evaluate(message));

        Assert.Contains("but the sender is hello@news-hub.example, relay@mail-relay.example and some links go to the brand (www.netflix.com, help.netflix.com);", hit.Reason, StringComparison.Ordinal);
    }
}
