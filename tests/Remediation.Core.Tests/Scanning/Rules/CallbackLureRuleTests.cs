using Remediation.Core.Scanning;
using Remediation.Core.Scanning.Rules;
using Remediation.Core.Tests.Scanning.Attachments;

namespace Remediation.Core.Tests.Scanning.Rules;

public class CallbackLureRuleTests
{
    private readonly CallbackLureRule _sut = new(BrandImpersonationRuleTests.Catalogue());

    // Written for these tests: each language's renewal or order the reader never made, and the number to call.
    [Theory]
    [InlineData("Your Geek Squad membership was renewed today and $399.99 has been charged to your account. If you did not authorize this renewal, call us at +1 (888) 555-0143 within 24 hours.")]
    [InlineData("Order #8812 confirmed: Norton 360 Deluxe, total USD 289.00, auto-renewal. To cancel and get a refund, please call our billing desk: 1-855-555-0190.")]
    [InlineData("Ihr Abonnement wurde verlängert und 249,99 € wurden abgebucht. Falls nicht von Ihnen autorisiert, rufen Sie uns an unter +49 30 5550 1234.")]
    [InlineData("Sua assinatura foi renovada e R$ 899,90 foram debitados do seu cartão. Se não reconhece esta compra, ligue para 0800 555 0123 para o estorno.")]
    [InlineData("Foi realizada uma compra de R$ 639,90 no seu cartão final 4410. Caso não reconheça a compra, ligue para 0800 555 0123.")]
    [InlineData("Compra em análise no valor de R$ 2.349,00 na Loja Exemplo no dia 12/03. Para confirmar digite 1. Caso não reconheça, ligue para a central de segurança: 4004-5123.")]
    [InlineData("Transação de R$ 1.180,00 retida para análise. Caso não reconheça, ligue para 0800 555 0199.")]
    [InlineData("Compra retenida por 1.250,00 € en Tienda Ejemplo. Si no reconoce esta compra, llame al +34 910 555 124.")]
    [InlineData("Su suscripción ha sido renovada: se han cobrado 299,00 € en su tarjeta. Si no reconoce este cargo, llame al +34 910 555 123 para el reembolso.")]
    [InlineData("Votre abonnement a été renouvelé : 299,00 € ont été prélevés. Pour annuler, appelez le 01 55 55 01 23.")]
    [InlineData("Uw abonnement is verlengd en € 289,00 is afgeschreven. Herkent u dit niet? Bel ons op +31 20 555 0123 voor terugbetaling.")]
    [InlineData("Il tuo abbonamento è stato rinnovato e 299,00 EUR sono stati addebitati. Per annullare chiama il +39 02 5550 1234.")]
    public void Evaluate_ChargeToDisputeByPhoneWithNothingToClick_IsPhishing(string body)
    {
        var hit = Assert.Single(_sut.Evaluate(TestMail.FromText("Invoice", body)));

        Assert.Equal(CallbackLureRule.Name, hit.Rule);
        Assert.Equal(ThreatCategory.Phishing, hit.Category);
        Assert.Equal(4, hit.Weight);
    }

    [Fact]
    public void Evaluate_ChargeAndNumberOnlyInAnAttachedPdf_IsPhishing()
    {
        var message = TestMail.Read(PdfTextTests.With(PdfTextTests.Fixture("callback-ghostscript.pdf"), "Your invoice is attached."));

        var hit = Assert.Single(_sut.Evaluate(message));

        Assert.Contains("call us at +1 (888) 555-0143", hit.Reason, StringComparison.Ordinal);
    }

    // A link in the PDF is something to click: a real notice links to the account, and a lure with a link is a link lure.
    [Fact]
    public void Evaluate_ChargeAndNumberInAnAttachedPdfThatLinksToTheAccount_DoesNotFire()
    {
        var link = "\n99 0 obj << /Type /Annot /Subtype /Link /A << /S /URI /URI (https://account.renewals.example/orders) >> >>\nendobj\n"u8;
        var message = TestMail.Read(PdfTextTests.With([.. PdfTextTests.Fixture("callback-ghostscript.pdf"), .. link], "Your invoice is attached."));

        Assert.NotEmpty(message.AttachmentLinks);
        Assert.Empty(_sut.Evaluate(message));
    }

    [Fact]
    public void Evaluate_InvoiceWithANumberForQuestionsInAnAttachedPdf_DoesNotFire()
    {
        Assert.Empty(_sut.Evaluate(TestMail.Read(PdfTextTests.With(PdfTextTests.Fixture("invoice-ghostscript.pdf"), "Your invoice is attached."))));
    }

    [Fact]
    public void Evaluate_FromAPersonalMailboxAtFreeMail_WeighsMoreButNotAsContent()
    {
        var mail = RuleMail.Headers($"From: \"PayPal Billing\" <billing.desk.4471@gmail.com>\r\nTo: alice@{TestMail.Domain}\r\nSubject: Invoice",
            "Your payment of $749.99 was processed. If you didn't make this purchase, contact us at +1 (808) 555-0177.");

        var hit = Assert.Single(_sut.Evaluate(mail));

        Assert.Equal(4 + 1.5, hit.Weight);
        Assert.Equal(1.5, hit.WeightAroundContent);
    }

    // A real shop's or bank's notice: a link to the order or the account, a number without a charge to dispute, a
    // charge without a number, or customer service offered for questions.
    [Theory]
    [InlineData("Your order was confirmed, total $42.10. If you did not place it, call 1-800-555-0100 or visit https://shop.example/orders/1.")]
    [InlineData("Your subscription was renewed and $9.99 was charged. To cancel, go to your account settings.")]
    [InlineData("Our office moved. Call us at +1 (425) 555-0100 to book your appointment.")]
    [InlineData("Your order was confirmed, total $42.10. Questions? Call 1-800-555-0100.")]
    [InlineData("If you did not request this code, call us at +44 20 7946 0000.")]
    [InlineData("Your order was confirmed, total $42.10. To cancel, reply to this message. Phone: (425) 555-0100")]
    [InlineData("Opening balance 2,310.55 USD. 03 Nov card payment processed, Contoso Market, -42.10 USD. Closing balance 4,888.45 USD. If you did not make one of these transactions, call us at +1 (425) 555-0100.")]
    [InlineData("Saldo anterior R$ 1.200,00. Compra aprovada de R$ 89,90. Saldo final R$ 1.110,10. Caso não reconheça uma transação, ligue para 4004-1234.")]
    [InlineData("Sua compra de R$ 89,90 está em análise pelo banco emissor. Assim que for aprovada, enviaremos a nota fiscal. Central de atendimento: ligue 4004-1234.")]
    public void Evaluate_OrdinaryNotice_DoesNotFire(string body)
    {
        Assert.Empty(_sut.Evaluate(TestMail.FromText("Your order", body)));
    }

    // A bank's card alert from its own domain, or the tenant's finance desk, is left to the rules that judge the sender.
    [Theory]
    [InlineData("\"Navy Federal\" <alerts@navyfederal.org>")]
    [InlineData($"Finance <finance@{TestMail.Domain}>")]
    public void Evaluate_FromACatalogueBrandOrTheTenant_DoesNotFire(string from)
    {
        var mail = RuleMail.Headers($"From: {from}\r\nTo: alice@{TestMail.Domain}\r\nSubject: Card alert",
            "A purchase of $482.17 was approved on your card. If you did not make this purchase, call us at 1-888-555-0148.");

        Assert.Empty(_sut.Evaluate(mail));
    }

    // A Sender header at a brand's domain does not make a stranger's From the brand's.
    [Fact]
    public void Evaluate_StrangerWithASenderAtABrand_Fires()
    {
        var mail = RuleMail.Headers($"From: \"Billing\" <billing.4471@gmail.com>\r\nSender: alerts@navyfederal.org\r\nTo: alice@{TestMail.Domain}\r\nSubject: Card alert",
            "A purchase of $482.17 was approved on your card. If you did not make this purchase, call us at 1-888-555-0148.");

        Assert.Single(_sut.Evaluate(mail));
    }
}
