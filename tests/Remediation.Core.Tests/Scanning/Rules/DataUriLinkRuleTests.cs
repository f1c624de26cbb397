using Remediation.Core.Scanning.Rules;

namespace Remediation.Core.Tests.Scanning.Rules;

public class DataUriLinkRuleTests
{
    private readonly DataUriLinkRule _sut = new();

    [Fact]
    public void Evaluate_AnchorOpensDataUri_Fires()
    {
        var hit = Assert.Single(_sut.Evaluate(TestMail.Read("Links", "link-to-data-uri.eml")));

        Assert.Equal(DataUriLinkRule.Name, hit.Rule);
        Assert.Contains("text/html", hit.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_ImageFromDataUri_DoesNotFire()
    {
        Assert.Empty(_sut.Evaluate(TestMail.Read("Links", "image-from-data-uri.eml")));
    }
}
