using Microsoft.Extensions.Options;
using Remediation.Core.Scanning;
using Remediation.Core.Scanning.Rules;

namespace Remediation.Core.Tests.Scanning.Rules;

public class BlockedSenderDomainRuleTests
{
    private readonly BlockedSenderDomainRule _sut = new(Options.Create(new DetectionOptions { BlockedSenderDomains = ["bad-sender.example"] }));

    [Fact]
    public void Evaluate_FromInASubdomainOfABlockedDomain_FiresAsPhishing()
    {
        var hit = Assert.Single(_sut.Evaluate(RuleMail.Headers($"From: billing@mail.bad-sender.example\r\nTo: alice@{TestMail.Domain}\r\nSubject: Invoice")));

        Assert.Equal(BlockedSenderDomainRule.Name, hit.Rule);
        Assert.Equal(10, hit.Weight);
        Assert.Equal(ThreatCategory.Phishing, hit.Category);
        Assert.Equal("Sender billing@mail.bad-sender.example is in the blocked domain bad-sender.example.", hit.Reason);
    }

    [Fact]
    public void Evaluate_OnlyTheSenderHeaderIsBlocked_Fires()
    {
        var message = RuleMail.Headers($"From: bob@partner.example\r\nSender: relay@bad-sender.example\r\nTo: alice@{TestMail.Domain}\r\nSubject: Invoice");

        var hit = Assert.Single(_sut.Evaluate(message));

        Assert.Contains("relay@bad-sender.example", hit.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_SenderElsewhere_DoesNotFire()
    {
        Assert.Empty(_sut.Evaluate(RuleMail.Headers($"From: bob@partner.example\r\nTo: alice@{TestMail.Domain}\r\nSubject: Invoice")));
    }
}
