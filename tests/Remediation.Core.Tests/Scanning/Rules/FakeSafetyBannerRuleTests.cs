using Remediation.Core.Scanning;
using Remediation.Core.Scanning.Rules;

namespace Remediation.Core.Tests.Scanning.Rules;

public sealed class FakeSafetyBannerRuleTests
{
    private readonly FakeSafetyBannerRule _sut = new();

    [Theory]
    [InlineData("<p>This email comes from a verified sender.</p><p>Choose a new delivery day for your parcel.</p>")]
    [InlineData("<p>&#10004; The message is from a safe source.</p><p>Three messages to you are on hold.</p>")]
    [InlineData("<p>Daily digest: this email was sent to alice@contoso.example from a trusted source.</p>")]
    [InlineData("<p>Dit bericht is afkomstig van een vertrouwde afzender.</p><p>Uw pakket staat klaar.</p>")]
    [InlineData("<p>Diese E-Mail stammt von einem vertrauenswürdigen Absender.</p><p>Ihr Konto wurde gesperrt.</p>")]
    [InlineData("<p>Ce message provient d’un expéditeur de confiance.</p>")]
    [InlineData("<p>Este mensaje proviene de un remitente verificado.</p>")]
    [InlineData("<p>Esta mensagem é de um remetente confiável.</p>")]
    [InlineData("<p>Questo messaggio proviene da un mittente attendibile.</p>")]
    public void Evaluate_TextOpeningWithABannerThatVouchesForTheSender_Fires(string html)
    {
        var hit = Assert.Single(_sut.Evaluate(RuleMail.Html(html)));

        Assert.Equal(ThreatCategory.Phishing, hit.Category);
        Assert.Equal(3, hit.Weight);
        Assert.Contains("vouching for its own sender", hit.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<p>Please add news@partner.example to your safe senders list so that our letters reach you.</p>")]
    [InlineData("<p>This message is from an external sender. Be careful with links.</p>")]
    [InlineData("<p>Thanks for the call. The trusted sender list is now in the shared folder.</p>")]
    public void Evaluate_OrdinaryWordsAboutSenders_DoesNotFire(string html)
    {
        Assert.Empty(_sut.Evaluate(RuleMail.Html(html)));
    }

    [Fact]
    public void Evaluate_BannerBelowTheOpening_DoesNotFire()
    {
        // A security newsletter quoting the trick further down is not a banner.
        var opening = "<p>" + string.Concat(Enumerable.Repeat("Our awareness letter of the month. ", 10)) + "</p>";

        Assert.True(opening.Length > FakeSafetyBannerRule.BannerReach);
        Assert.Empty(_sut.Evaluate(RuleMail.Html(opening + "<p>Phish often claim: this email comes from a trusted sender.</p>")));
    }

    [Fact]
    public void Evaluate_BannerOnMailThroughTheTenantsTransport_DoesNotFire()
    {
        // The tenant's own transport rule may write it.
        var html = RuleMail.Html("<p>This email comes from a trusted sender.</p><p>Quarterly figures attached.</p>");
        var arrival = new DateTimeOffset(2024, 11, 12, 9, 15, 30, TimeSpan.Zero);
        var stamped = TransportStamps.Stamp(html.Mime, TestMail.TenantId, arrival);

        Assert.Empty(_sut.Evaluate(TestMail.Read(stamped, new ScanInput(stamped) { ReceivedAt = arrival })));
    }

    [Fact]
    public void Evaluate_BannerWhereThePathCannotBeTold_DoesNotFire()
    {
        // No tenant id is configured, so nothing says which system wrote it.
        var html = RuleMail.Html("<p>This email comes from a trusted sender.</p><p>Quarterly figures attached.</p>");

        Assert.Empty(_sut.Evaluate(ScannedMessage.Read(new ScanInput(html.Mime), new ScanLimits(), tenantId: "")));
    }
}
