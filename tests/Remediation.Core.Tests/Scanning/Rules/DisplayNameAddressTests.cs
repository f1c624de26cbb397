using Remediation.Core.Scanning.Rules;

namespace Remediation.Core.Tests.Scanning.Rules;

/// <summary>Display-name and domain tricks beyond the plain cases in the rules' own test classes.</summary>
public class DisplayNameAddressTests
{
    [Fact]
    public void DisplayNameImpersonation_NameHoldsInternalAddress_FiresStrongest()
    {
        var hit = Assert.Single(new DisplayNameImpersonationRule(TestMail.Identities()).Evaluate(TestMail.Read("Headers", "display-name-shows-internal-address.eml")));

        Assert.Equal(6, hit.Weight);
    }

    [Fact]
    public void DisplayNameImpersonation_UnrelatedName_DoesNotFire()
    {
        Assert.Empty(new DisplayNameImpersonationRule(TestMail.Identities()).Evaluate(TestMail.Read("Headers", "display-name-unrelated.eml")));
    }

    [Fact]
    public void LookalikeSenderDomain_PunycodeMixingScripts_Fires()
    {
        var hit = Assert.Single(new LookalikeSenderDomainRule(TestMail.Identities()).Evaluate(TestMail.Read("Headers", "punycode-mixed-script-sender.eml")));

        Assert.Contains("mixes alphabets", hit.Reason, StringComparison.Ordinal);
    }
}
