using Remediation.Core.Scanning;
using Remediation.Core.Scanning.Rules;

namespace Remediation.Core.Tests.Scanning.Rules;

public class ReplyWithoutThreadRuleTests
{
    private readonly ReplyWithoutThreadRule _sut = new();

    [Fact]
    public void Evaluate_ReplySubjectWithoutThreadHeaders_Fires()
    {
        var hit = Assert.Single(_sut.Evaluate(TestMail.Read("Headers", "reply-without-thread.eml")));

        Assert.Equal(ReplyWithoutThreadRule.Name, hit.Rule);
        Assert.Contains("Re:", hit.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_ReplyWithInReplyTo_DoesNotFire()
    {
        Assert.Empty(_sut.Evaluate(TestMail.Read("Headers", "reply-in-thread.eml")));
    }

    [Theory]
    [InlineData("Re: invoice")]
    [InlineData("  AW: Rechnung")]
    [InlineData("SV: faktura")]
    [InlineData("Antw: factuur")]
    public void Evaluate_ReplyPrefixWithoutThread_FiresLightly(string subject)
    {
        var hit = Assert.Single(_sut.Evaluate(RuleMail.Headers($"From: bob@partner.example\r\nSubject: {subject}")));

        Assert.Equal(0.5, hit.Weight);
        Assert.Equal(ThreatCategory.Spam, hit.Category);
        Assert.Equal("Subject starts with \"Re:\" but there is no In-Reply-To or References.", hit.Reason);
    }

    [Theory]
    [InlineData("Subject: Re: invoice\r\nReferences: <1@partner.example>")]
    [InlineData("Subject: Re: invoice\r\nIn-Reply-To: <1@partner.example>")]
    [InlineData("Subject: Invoice")]
    [InlineData("Subject: Fwd: Re: invoice")]
    public void Evaluate_ThreadOrNoReplyPrefix_DoesNotFire(string headers)
    {
        Assert.Empty(_sut.Evaluate(RuleMail.Headers($"From: bob@partner.example\r\n{headers}")));
    }
}
