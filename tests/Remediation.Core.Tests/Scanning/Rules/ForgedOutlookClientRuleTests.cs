using Remediation.Core.Scanning;
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

    [Fact]
    public void Evaluate_OutlookMailerWithForeignMessageId_QuotesBoth()
    {
        var hit = Assert.Single(_sut.Evaluate(TestMail.Read("Headers", "forged-outlook-client.eml")));

        Assert.Equal(2, hit.Weight);
        Assert.Equal(ThreatCategory.Spam, hit.Category);
        Assert.Equal("X-Mailer says \"Microsoft Outlook 16.0\" but the Message-ID <20241112091500.7781.qmail@bulk.offers.example> is not Outlook's.", hit.Reason);
    }

    [Fact]
    public void Evaluate_OutlookMailerWithoutMessageId_Fires()
    {
        var hit = Assert.Single(_sut.Evaluate(RuleMail.Headers("From: sales@offers.example\r\nX-Mailer: Microsoft Office Outlook, Build 11.0.5510")));

        Assert.Equal("X-Mailer says \"Microsoft Office Outlook, Build 11.0.5510\" but the Message-ID <> is not Outlook's.", hit.Reason);
    }

    [Theory]
    [InlineData("<ABC123@DM6PR11MB1234.namprd11.prod.outlook.com>")]
    [InlineData("<BLU0-SMTP123-abc@hotmail.com>")]
    [InlineData("<COL0-SMTP99@msn.com>")]
    [InlineData("<0123456789ab$01234567$89abcdef@partner.example>")]
    public void Evaluate_OutlookMailerWithOutlookOrMicrosoftMessageId_DoesNotFire(string messageId)
    {
        Assert.Empty(_sut.Evaluate(RuleMail.Headers($"From: bob@partner.example\r\nMessage-ID: {messageId}\r\nX-Mailer: Microsoft Outlook 16.0")));
    }

    [Theory]
    [InlineData("Microsoft Outlook IMO, Build 9.0.2416")]
    [InlineData("Thunderbird 115.0")]
    public void Evaluate_OtherMailer_DoesNotFire(string mailer)
    {
        Assert.Empty(_sut.Evaluate(RuleMail.Headers($"From: bob@partner.example\r\nMessage-ID: <1.2@bulk.example>\r\nX-Mailer: {mailer}")));
    }

    [Fact]
    public void Evaluate_NoMailer_DoesNotFire()
    {
        Assert.Empty(_sut.Evaluate(RuleMail.Headers("From: bob@partner.example\r\nMessage-ID: <1.2@bulk.example>")));
    }
}
