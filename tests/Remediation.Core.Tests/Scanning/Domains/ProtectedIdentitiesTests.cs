using Microsoft.Extensions.Options;
using Remediation.Core.Scanning;
using Remediation.Core.Scanning.Domains;

namespace Remediation.Core.Tests.Scanning.Domains;

public class ProtectedIdentitiesTests
{
    private readonly ProtectedIdentities _sut = Identities(
        ["contoso.example", "mail.contoso.example", "abc.example", "abcd.example", "fabrikam.example"],
        new() { ["Microsoft"] = ["microsoft.com"] });

    // Brands named apart from any domain, so the names come back as configured.
    private readonly ProtectedIdentities _names = Identities(
        ["abc.example", "abcd.example", "fabrikam.example"],
        new() { ["Microsoft"] = [], ["Contoso Bank"] = [], ["Nvidia"] = [], ["Adobe"] = [] });

    [Fact]
    public void IsEmpty_NothingConfigured_IsTrue() => Assert.True(Identities([], []).IsEmpty);

    [Fact]
    public void IsEmpty_OnlyADomainTooShortToBeAName_IsFalse()
    {
        var sut = Identities(["ab.example"], []);

        Assert.False(sut.IsEmpty);
        Assert.Null(sut.NameShownIn("ab"));
    }

    [Fact]
    public void IsEmpty_OnlyABrandName_IsFalse()
    {
        var sut = Identities([], new() { ["Fabrikam"] = [] });

        Assert.False(sut.IsEmpty);
        Assert.Null(sut.DomainImitatedBy("fabrikam.example"));
        Assert.Equal("Fabrikam", sut.NameShownIn("Fabrikam"));
    }

    [Theory]
    [InlineData("contoso.example")]
    [InlineData("eu.mail.contoso.example")]
    [InlineData("microsoft.com")]
    [InlineData("login.microsoft.com")]
    public void IsLegitimate_ProtectedDomainOrSubdomain_IsTrue(string domain) => Assert.True(_sut.IsLegitimate(domain));

    [Theory]
    [InlineData("microsoft.com.evil.example")]
    [InlineData("contoso.com")]
    public void IsLegitimate_OtherDomain_IsFalse(string domain) => Assert.False(_sut.IsLegitimate(domain));

    [Theory]
    [InlineData("cantoso.example", "contoso.example")]
    [InlineData("contoso.com", "contoso.example")]
    [InlineData("mail.c0nt0so.net", "contoso.example")]
    [InlineData("micros0ft.com", "microsoft.com")]
    [InlineData("rnicrosoft.net", "microsoft.com")]
    [InlineData("mcrosft.com", "microsoft.com")]
    [InlineData("fbrikm.example", "fabrikam.example")]
    [InlineData("abce.example", "abcd.example")]
    [InlineData("xn--micrsoft-qbh.com", "microsoft.com")]
    public void DomainImitatedBy_LookalikeHost_IsTheProtectedDomain(string host, string imitated) => Assert.Equal(imitated, _sut.DomainImitatedBy(host));

    [Theory]
    [InlineData("contoso.example")]
    [InlineData("www.contoso.example")]
    [InlineData("login.microsoft.com")]
    [InlineData("abx.example")]
    [InlineData("cxntxso.example")]
    [InlineData("mcrsft.com")]
    [InlineData("fbrkm.example")]
    [InlineData("unrelated.example")]
    public void DomainImitatedBy_ProtectedOrUnlikeHost_IsNull(string host) => Assert.Null(_sut.DomainImitatedBy(host));

    [Fact]
    public void DomainImitatedBy_NothingProtected_IsNull() => Assert.Null(Identities([], new() { ["Contoso"] = [] }).DomainImitatedBy("contoso.example"));

    [Theory]
    [InlineData("Microsoft", "Microsoft")]
    [InlineData("Microsoft Support", "Microsoft")]
    [InlineData("The MICR0S0FT team", "Microsoft")]
    [InlineData("Mcrosft", "Microsoft")]
    [InlineData("Contoso Bank", "Contoso Bank")]
    [InlineData("Security: Contoso-Bank (alerts)", "Contoso Bank")]
    [InlineData("Nvidla", "Nvidia")]
    [InlineData("Adobe Sign", "Adobe")]
    [InlineData("Fabrkm", "fabrikam")]
    [InlineData("abcd", "abcd")]
    public void NameShownIn_DisplayNameWithAProtectedName_IsTheName(string displayName, string name) => Assert.Equal(name, _names.NameShownIn(displayName));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Adobo")]
    [InlineData("Nvldla")]
    [InlineData("Mcrsft")]
    [InlineData("abc")]
    [InlineData("Bank")]
    [InlineData("Alice Smith")]
    public void NameShownIn_DisplayNameWithoutOne_IsNull(string displayName) => Assert.Null(_names.NameShownIn(displayName));

    [Fact]
    public void NameShownIn_NothingProtected_IsNull() => Assert.Null(Identities([], []).NameShownIn("Microsoft"));

    private static ProtectedIdentities Identities(List<string> accepted, Dictionary<string, List<string>> brands) => new(
        Options.Create(new TenantOptions { TenantId = TestMail.TenantId, AcceptedDomains = accepted }),
        Options.Create(new DetectionOptions { ProtectedBrands = brands }));
}
