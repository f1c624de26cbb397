using Remediation.Core.Scanning.Domains;

namespace Remediation.Core.Tests.Scanning.Domains;

public class DomainListTests
{
    private readonly DomainList _sut = new([" contoso.com. ", "fabrikam.co.uk"]);

    [Theory]
    [InlineData("contoso.com", "contoso.com")]
    [InlineData("mail.contoso.com", "contoso.com")]
    [InlineData("a.b.contoso.com.", "contoso.com")]
    [InlineData("www.fabrikam.co.uk", "fabrikam.co.uk")]
    public void Match_DomainOrSubdomain_IsTheListedDomain(string host, string listed) => Assert.Equal(listed, _sut.Match(host));

    [Fact]
    public void Match_OtherCase_MatchesIgnoringCase() => Assert.Equal("CONTOSO.COM", _sut.Match("Mail.CONTOSO.COM"));

    [Theory]
    [InlineData("notcontoso.com")]
    [InlineData("contoso.com.evil.example")]
    [InlineData("co.uk")]
    [InlineData("com")]
    [InlineData("")]
    public void Match_UnlistedHost_IsNull(string host) => Assert.Null(_sut.Match(host));
}
