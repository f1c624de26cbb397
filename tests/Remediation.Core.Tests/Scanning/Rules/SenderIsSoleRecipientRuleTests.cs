using Remediation.Core.Scanning.Rules;

namespace Remediation.Core.Tests.Scanning.Rules;

public class SenderIsSoleRecipientRuleTests
{
    private readonly SenderIsSoleRecipientRule _sut = new();

    [Fact]
    public void Evaluate_SenderWritesOnlyToItself_Fires()
    {
        var hit = Assert.Single(_sut.Evaluate(TestMail.Read("Headers", "sender-is-sole-recipient.eml")));

        Assert.Equal(SenderIsSoleRecipientRule.Name, hit.Rule);
        Assert.Contains("alice@contoso.example", hit.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_SenderAmongOtherRecipients_DoesNotFire()
    {
        Assert.Empty(_sut.Evaluate(TestMail.Read("Headers", "sender-among-recipients.eml")));
    }
}
