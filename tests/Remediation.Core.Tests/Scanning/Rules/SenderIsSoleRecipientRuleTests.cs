using Remediation.Core.Scanning;
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

    [Fact]
    public void Evaluate_SenderInToAndCcInOtherCase_FiresOnce()
    {
        var message = RuleMail.Headers("From: Alice <alice@contoso.example>\r\nTo: alice@contoso.example\r\nCc: ALICE@contoso.example");

        var hit = Assert.Single(_sut.Evaluate(message));

        Assert.Equal(1, hit.Weight);
        Assert.Equal(ThreatCategory.Clean, hit.Category);
        Assert.Equal("Sent from alice@contoso.example to alice@contoso.example alone.", hit.Reason);
    }

    [Theory]
    [InlineData("From: alice@contoso.example\r\nTo: alice@contoso.example\r\nCc: bob@contoso.example")]
    [InlineData("From: alice@contoso.example\r\nTo: bob@contoso.example")]
    [InlineData("To: alice@contoso.example")]
    [InlineData("From: alice@contoso.example")]
    public void Evaluate_OtherOrNoRecipientsOrNoSender_DoesNotFire(string headers)
    {
        Assert.Empty(_sut.Evaluate(RuleMail.Headers(headers)));
    }
}
