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
    [InlineData("\"Ρayраl\" <service@secure-limits.example>", "Your account is limited", "Confirm your card.", "https://secure-limits.example/p", "PayPal")]
    [InlineData("\"Net\u200Bflix\" <billing@renew-plan.example>", "Payment declined", "Update your card to keep watching.", "https://renew-plan.example/n", "Netflix")]
    public void Evaluate_BrandAsSenderWithForeignLinks_IsPhishingAtSuspiciousStrength(string from, string subject, string body, string link, string brand)
    {
        var hit = Assert.Single(_sut.Evaluate(Html(from, subject, body, link)));

        Assert.Equal(ThreatCategory.Phishing, hit.Category);
        Assert.True(hit.Weight >= 8, hit.Reason);
        Assert.Contains($"Claims to be {brand}", hit.Reason, StringComparison.Ordinal);
        Assert.Contains("sender name", hit.Reason, StringComparison.Ordinal);
        Assert.Contains(new Uri(link).Host, hit.Reason, StringComparison.Ordinal);
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
    public void Evaluate_BrandsOwnNotification_DoesNotFire(string from, string subject, string body, string link)
    {
        Assert.Empty(_sut.Evaluate(Html(from, subject, body, link)));
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
}
