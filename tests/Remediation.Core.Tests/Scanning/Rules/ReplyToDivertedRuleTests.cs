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
}
