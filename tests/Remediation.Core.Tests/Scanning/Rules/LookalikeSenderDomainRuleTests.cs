using Remediation.Core.Scanning;
using Remediation.Core.Scanning.Rules;

namespace Remediation.Core.Tests.Scanning.Rules;

public class LookalikeSenderDomainRuleTests
{
    private readonly LookalikeSenderDomainRule _sut = new(TestMail.Identities());

    [Fact]
    public void Evaluate_DomainOneEditFromAcceptedDomain_Fires()
    {
        var hit = Assert.Single(_sut.Evaluate(TestMail.Read("Headers", "lookalike-sender-domain.eml")));

        Assert.Equal(LookalikeSenderDomainRule.Name, hit.Rule);
        Assert.Contains("imitates contoso.example", hit.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_SenderInAcceptedDomain_DoesNotFire()
    {
        Assert.Empty(_sut.Evaluate(TestMail.Read("Headers", "display-name-organisation-from-own-domain.eml")));
    }

    [Fact]
    public void Evaluate_DomainOneEditFromAcceptedDomain_SaysWhichDomain()
    {
        var hit = Assert.Single(_sut.Evaluate(TestMail.Read("Headers", "lookalike-sender-domain.eml")));

        Assert.Equal(6, hit.Weight);
        Assert.Equal(ThreatCategory.Phishing, hit.Category);
        Assert.Equal("Sender domain c0ntoso.example imitates contoso.example.", hit.Reason);
    }

    [Fact]
    public void Evaluate_PunycodeMixingScripts_SaysItMixesAlphabets()
    {
        var hit = Assert.Single(_sut.Evaluate(TestMail.Read("Headers", "punycode-mixed-script-sender.eml")));

        Assert.Equal(4, hit.Weight);
        Assert.Equal(ThreatCategory.Phishing, hit.Category);
        Assert.Equal("Sender domain \u0430pple.com (\u0430pple.com) mixes alphabets.", hit.Reason);
    }

    [Fact]
    public void Evaluate_LookalikeInTheSenderHeaderAfterAnOrdinaryFrom_Fires()
    {
        var message = RuleMail.Headers($"From: bob@partner.example\r\nSender: relay@c0ntoso.example\r\nTo: alice@{TestMail.Domain}");

        var hit = Assert.Single(_sut.Evaluate(message));

        Assert.Contains("c0ntoso.example imitates", hit.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_TwoLookalikeSenders_OneHit()
    {
        var message = RuleMail.Headers($"From: it@c0ntoso.example\r\nSender: relay@xn--pple-43d.com\r\nTo: alice@{TestMail.Domain}");

        Assert.Equal(6, Assert.Single(_sut.Evaluate(message)).Weight);
    }

    [Fact]
    public void Evaluate_TwoMixedScriptSenders_OneHit()
    {
        var message = RuleMail.Headers($"From: a@xn--pple-43d.com\r\nSender: b@xn--pple-43d.com\r\nTo: alice@{TestMail.Domain}");

        Assert.Equal(4, Assert.Single(_sut.Evaluate(message)).Weight);
    }
}
