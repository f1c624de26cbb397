using Remediation.Core.Scanning;
using Remediation.Core.Scanning.Rules;

namespace Remediation.Core.Tests.Scanning.Rules;

public class LinkTextMismatchRuleTests
{
    private readonly LinkTextMismatchRule _sut = new();

    [Fact]
    public void Evaluate_TextShowsOtherOrganisation_Fires()
    {
        var hit = Assert.Single(_sut.Evaluate(TestMail.Read("Links", "link-text-shows-other-host.eml")));

        Assert.Equal(LinkTextMismatchRule.Name, hit.Rule);
        Assert.Contains("login.account-check.example", hit.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_TextShowsSubdomainOfSameOrganisation_DoesNotFire()
    {
        Assert.Empty(_sut.Evaluate(TestMail.Read("Links", "link-text-same-organisation.eml")));
    }

    [Fact]
    public void Evaluate_TextShowsOtherOrganisation_SaysWhereEachGoes()
    {
        var hit = Assert.Single(_sut.Evaluate(TestMail.Read("Links", "link-text-shows-other-host.eml")));

        Assert.Equal(3, hit.Weight);
        Assert.Equal(ThreatCategory.Phishing, hit.Category);
        Assert.Equal("Link text shows www.contoso.example but goes to login.account-check.example.", hit.Reason);
    }

    [Fact]
    public void Evaluate_MismatchAfterHarmlessAnchors_FoundOnce()
    {
        var message = RuleMail.Html(
            "<a href=\"mailto:help@partner.example\">https://www.partner.example</a> " +
            "<a href=\"/relative\">https://www.partner.example</a> " +
            "<a href=\"https://other.example/\">Our site</a> " +
            "<a href=\"https://news.partner.example/a\">www.partner.example</a> " +
            "<a href=\"https://first-trap.example/\">https://www.partner.example/login</a> " +
            "<a href=\"https://second-trap.example/\">https://www.partner.example/login</a>");

        var hit = Assert.Single(_sut.Evaluate(message));

        Assert.Equal("Link text shows www.partner.example but goes to first-trap.example.", hit.Reason);
    }
}
