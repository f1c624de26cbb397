using Remediation.Core.Indexing;

namespace Remediation.Core.Tests.Indexing;

// Partition names are stored: an index filed by one release is read by the next, and a hunt must name what a scan filed.
public sealed class IndexKeysTests
{
    [Fact]
    public void AnyMessage_IsTheAnyPartition() => Assert.Equal("any", IndexKeys.AnyMessage);

    [Fact]
    public void Campaign_KeepsTheKeyAsGiven() => Assert.Equal("campaign|AbC123", IndexKeys.Campaign("AbC123"));

    [Theory]
    [InlineData("login.contoso.com", "url|contoso.com")]
    [InlineData("Mail.Contoso.co.uk.", "url|contoso.co.uk")]
    [InlineData("localhost", "url|localhost")]
    public void UrlDomain_FilesAHostUnderItsRegistrableDomain(string host, string expected) => Assert.Equal(expected, IndexKeys.UrlDomain(host));

    [Fact]
    public void SenderDomain_FilesADomainUnderItsRegistrableDomain() => Assert.Equal("sender|fabrikam.com", IndexKeys.SenderDomain("EU.Mail.Fabrikam.com"));

    [Fact]
    public void Attachment_IsTheHashInLowerCase() => Assert.Equal("sha256|abcdef01", IndexKeys.Attachment("ABCdef01"));

    [Fact]
    public void Fingerprint_IsTheIdInLowerCase() => Assert.Equal("fingerprint|abcdef01", IndexKeys.Fingerprint("ABCdef01"));

    [Fact]
    public void Partitions_SameValueForAnotherKind_AreApart()
    {
        string[] partitions = [IndexKeys.Campaign("contoso.com"), IndexKeys.UrlDomain("contoso.com"), IndexKeys.SenderDomain("contoso.com"),
            IndexKeys.Attachment("contoso.com"), IndexKeys.Fingerprint("contoso.com")];

        Assert.Equal(partitions.Length, partitions.Distinct(StringComparer.Ordinal).Count());
    }
}
