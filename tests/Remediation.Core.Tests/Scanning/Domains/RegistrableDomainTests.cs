using Remediation.Core.Scanning.Domains;

namespace Remediation.Core.Tests.Scanning.Domains;

public class RegistrableDomainTests
{
    [Theory]
    [InlineData("contoso.com", "contoso.com")]
    [InlineData("mail.contoso.com", "contoso.com")]
    [InlineData("a.b.mail.contoso.com", "contoso.com")]
    [InlineData("mail.contoso.co.uk", "contoso.co.uk")]
    [InlineData("contoso.co.uk", "contoso.co.uk")]
    [InlineData("www.shop.com.au", "shop.com.au")]
    [InlineData("www.ministry.gov.br", "ministry.gov.br")]
    [InlineData("co.uk", "co.uk")]
    [InlineData("localhost", "localhost")]
    [InlineData("", "")]
    public void Of_Host_IsTheRegisteredName(string host, string domain) => Assert.Equal(domain, RegistrableDomain.Of(host));

    [Theory]
    [InlineData("  Mail.Contoso.COM  ")]
    [InlineData("mail.contoso.com.")]
    [InlineData("MAIL.CONTOSO.COM.")]
    public void Of_SpacesTrailingDotOrCapitals_AreNormalisedAway(string host) => Assert.Equal("contoso.com", RegistrableDomain.Of(host));

    [Theory]
    [InlineData("ac")]
    [InlineData("co")]
    [InlineData("com")]
    [InlineData("edu")]
    [InlineData("gov")]
    [InlineData("ne")]
    [InlineData("net")]
    [InlineData("or")]
    [InlineData("org")]
    [InlineData("gob")]
    [InlineData("nic")]
    [InlineData("mil")]
    public void Of_CountryRegistrySellingNamesOneLevelDown_KeepsThreeLabels(string registry) =>
        Assert.Equal($"contoso.{registry}.xy", RegistrableDomain.Of($"mail.contoso.{registry}.xy"));

    [Theory]
    [InlineData("mail.co.example", "co.example")]
    [InlineData("www.shop.co.com", "co.com")]
    [InlineData("mail.shop.xy.uk", "xy.uk")]
    public void Of_RegistryLabelWithoutTwoLetterCountry_KeepsTwoLabels(string host, string domain) => Assert.Equal(domain, RegistrableDomain.Of(host));

    [Fact]
    public void Of_LeadingDotOnly_IsTheNameItself() => Assert.Equal(".com", RegistrableDomain.Of(".com"));

    [Theory]
    [InlineData("mail.contoso.co.uk", "contoso")]
    [InlineData("mail.contoso.com", "contoso")]
    [InlineData("Contoso.Example.", "contoso")]
    [InlineData("localhost", "localhost")]
    public void LabelOf_Host_IsTheRegisteredNameWithoutSuffix(string host, string label) => Assert.Equal(label, RegistrableDomain.LabelOf(host));
}
