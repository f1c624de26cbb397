using Remediation.Core.Scanning.Rules;

namespace Remediation.Core.Tests.Scanning.Rules;

public class ForgedOutlookClientRuleTests
{
    private readonly ForgedOutlookClientRule _sut = new();

    [Fact]
    public void Evaluate_OutlookMailerWithForeignMessageId_Fires()
    {
        var hit = Assert.Single(_sut.Evaluate(TestMail.Read("Headers", "forged-outlook-client.eml")));

        Assert.Equal(ForgedOutlookClientRule.Name, hit.Rule);
        Assert.Contains("Microsoft Outlook 16.0", hit.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_OutlookMailerWithOutlookMessageId_DoesNotFire()
    {
        Assert.Empty(_sut.Evaluate(TestMail.Read("Headers", "genuine-outlook-client.eml")));
    }
}
