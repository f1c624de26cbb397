using Remediation.Core.Scanning.Rules;

namespace Remediation.Core.Tests.Scanning.Rules;

public class CredentialLureRuleTests
{
    private readonly CredentialLureRule _sut = new();

    [Fact]
    public void Evaluate_QuotaThreatWithLink_Fires()
    {
        var hit = Assert.Single(_sut.Evaluate(TestMail.Read("Links", "credential-lure.eml")));

        Assert.Equal(CredentialLureRule.Name, hit.Rule);
        Assert.Contains("under pressure", hit.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_AccountNoticeWithoutPressure_DoesNotFire()
    {
        Assert.Empty(_sut.Evaluate(TestMail.Read("Links", "account-notice-without-pressure.eml")));
    }
}
