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
}
