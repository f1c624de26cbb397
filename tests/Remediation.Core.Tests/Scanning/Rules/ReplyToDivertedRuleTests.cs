using Remediation.Core.Scanning;
using Remediation.Core.Scanning.Rules;

namespace Remediation.Core.Tests.Scanning.Rules;

public class ReplyToDivertedRuleTests
{
    private readonly ReplyToDivertedRule _sut = new(TestMail.Identities());

    [Fact]
    public void Evaluate_OwnDomainSenderWithFreemailReplyTo_FiresStrongly()
    {
        var hit = Assert.Single(_sut.Evaluate(TestMail.Read("Headers", "reply-to-diverted-from-own-domain.eml")));

        Assert.Equal(5, hit.Weight);
        Assert.Equal(ThreatCategory.Phishing, hit.Category);
    }

    [Fact]
    public void Evaluate_OrganisationSenderWithFreemailReplyTo_FiresWeakly()
    {
        var hit = Assert.Single(_sut.Evaluate(TestMail.Read("Headers", "reply-to-freemail.eml")));

        Assert.Equal(2, hit.Weight);
    }

    [Fact]
    public void Evaluate_ReplyToMailingListOfSameOrganisation_DoesNotFire()
    {
        Assert.Empty(_sut.Evaluate(TestMail.Read("Headers", "reply-to-mailing-list.eml")));
    }

    [Fact]
    public void Evaluate_OwnDomainSenderWithFreemailReplyTo_NamesBoth()
    {
        var hit = Assert.Single(_sut.Evaluate(TestMail.Read("Headers", "reply-to-diverted-from-own-domain.eml")));

        Assert.Equal("From claims dana@contoso.example but replies go to dana.ceo.private@gmail.com.", hit.Reason);
    }

    [Fact]
    public void Evaluate_OrganisationSenderWithFreemailReplyTo_NamesTheFreemailAddress()
    {
        var hit = Assert.Single(_sut.Evaluate(TestMail.Read("Headers", "reply-to-freemail.eml")));

        Assert.Equal(ThreatCategory.Phishing, hit.Category);
        Assert.Equal("From billing@vendor.example but replies go to the freemail address vendor.billing@outlook.com.", hit.Reason);
    }

    [Fact]
    public void Evaluate_OwnDomainSenderWithReplyToAnotherOrganisation_FiresStrongly()
    {
        var hit = Assert.Single(_sut.Evaluate(RuleMail.Headers("From: dana@contoso.example\r\nReply-To: dana@other-org.example")));

        Assert.Equal(5, hit.Weight);
    }

    [Theory]
    [InlineData("From: dana@contoso.example")]
    [InlineData("From: dana@contoso.example\r\nReply-To: dana")]
    [InlineData("From: dana\r\nReply-To: dana.private@gmail.com")]
    [InlineData("From: dana.private@gmail.com\r\nReply-To: dana@contoso.example")]
    [InlineData("From: dana.private@gmail.com\r\nReply-To: dana.private@outlook.com")]
    [InlineData("From: billing@vendor.example\r\nReply-To: billing@other-org.example")]
    public void Evaluate_ReplyToThatDivertsNothing_DoesNotFire(string headers)
    {
        Assert.Empty(_sut.Evaluate(RuleMail.Headers(headers)));
    }
}
