using Remediation.Core.Scanning.Domains;

namespace Remediation.Core.Tests.Scanning.Domains;

public class FreemailDomainsTests
{
    [Theory]
    [InlineData("gmail.com")]
    [InlineData("googlemail.com")]
    [InlineData("outlook.com")]
    [InlineData("hotmail.com")]
    [InlineData("live.com")]
    [InlineData("msn.com")]
    [InlineData("yahoo.com")]
    [InlineData("ymail.com")]
    [InlineData("aol.com")]
    [InlineData("icloud.com")]
    [InlineData("me.com")]
    [InlineData("mail.com")]
    [InlineData("gmx.com")]
    [InlineData("gmx.net")]
    [InlineData("gmx.de")]
    [InlineData("web.de")]
    [InlineData("yandex.com")]
    [InlineData("yandex.ru")]
    [InlineData("mail.ru")]
    [InlineData("proton.me")]
    [InlineData("protonmail.com")]
    [InlineData("zoho.com")]
    [InlineData("tutanota.com")]
    [InlineData("qq.com")]
    [InlineData("163.com")]
    public void Contains_PublicMailService_IsTrue(string domain) => Assert.True(FreemailDomains.Contains(domain));

    [Theory]
    [InlineData("GMAIL.COM")]
    [InlineData("mx.yahoo.com")]
    public void Contains_CaseOrSubdomainOfAService_IsTrue(string domain) => Assert.True(FreemailDomains.Contains(domain));

    [Theory]
    [InlineData("contoso.com")]
    [InlineData("gmail.example")]
    [InlineData("com")]
    public void Contains_OrganisationDomain_IsFalse(string domain) => Assert.False(FreemailDomains.Contains(domain));
}
