using Remediation.Core.Hunting;
using Remediation.Core.Indexing;
using Remediation.Core.Scanning;

namespace Remediation.Core.Tests.Hunting;

public class IndicatorTests
{
    [Theory]
    [InlineData("Login.Phish.Example.", "login.phish.example", "url|phish.example")]
    [InlineData("portal.contoso.co.uk", "portal.contoso.co.uk", "url|contoso.co.uk")]
    public void UrlDomain_IsCanonicalAndFiledUnderItsRegistrableDomain(string given, string value, string indexKey)
    {
        var sut = Indicator.UrlDomain(given);

        Assert.Equal(value, sut.Value);
        Assert.Equal(indexKey, sut.IndexKey);
        Assert.Equal(sut, Indicator.UrlDomain(value));
    }

    [Theory]
    [InlineData("")]
    [InlineData("localhost")]
    [InlineData("phish.example/path")]
    [InlineData("phish example")]
    public void UrlDomain_NotADomain_IsRefusedWithTheReason(string given)
    {
        var error = Assert.Throws<ArgumentException>(() => Indicator.UrlDomain(given));

        Assert.Contains("is not a URL domain", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UrlDomain_MatchesItsHostsAndSubdomainsOnly()
    {
        var sut = Indicator.UrlDomain("login.phish.example");

        Assert.True(sut.Matches(Copy("login.phish.example")));
        Assert.True(sut.Matches(Copy("cdn.login.phish.example")));
        Assert.False(sut.Matches(Copy("www.phish.example")));
        Assert.False(sut.Matches(Copy("notlogin.phish.example")));
    }

    [Fact]
    public void Sender_AddressMatchesThatAddressAndDomainMatchesEveryAddressInIt()
    {
        var address = Indicator.Sender("Billing@Mail.Bad.Example");
        var domain = Indicator.Sender("bad.example");

        Assert.Equal("billing@mail.bad.example", address.Value);
        Assert.Equal("sender|bad.example", address.IndexKey);
        Assert.True(address.Matches(Copy("billing@mail.bad.example")));
        Assert.False(address.Matches(Copy("ceo@mail.bad.example")));
        Assert.True(domain.Matches(Copy("ceo@mail.bad.example")));
        Assert.False(domain.Matches(Copy("ceo@notbad.example")));
        Assert.False(address.IsContent);
    }

    [Theory]
    [InlineData("@bad.example")]
    [InlineData("billing@")]
    public void Sender_HalfAnAddress_IsRefused(string given) => Assert.Throws<ArgumentException>(() => Indicator.Sender(given));

    [Fact]
    public void AttachmentSha256_MustBe64HexCharacters()
    {
        var hash = new string('A', 64);

        Assert.Equal(new string('a', 64), Indicator.AttachmentSha256(hash).Value);
        Assert.Throws<ArgumentException>(() => Indicator.AttachmentSha256(new string('a', 63)));
        Assert.Throws<ArgumentException>(() => Indicator.AttachmentSha256(new string('g', 64)));
    }

    [Fact]
    public void Sender_HalfAnAddress_SaysWhatWasGiven() =>
        Assert.StartsWith("\"Billing@\" is not a sender address or domain.", Assert.Throws<ArgumentException>(() => Indicator.Sender("Billing@")).Message, StringComparison.Ordinal);

    [Theory]
    [InlineData("bad.example", "bad.example")]
    [InlineData("a@b.example", "a@b.example")]
    [InlineData(" Billing@Bad.Example ", "billing@bad.example")]
    public void Sender_AddressOrDomain_IsKeptCanonical(string given, string value) => Assert.Equal(value, Indicator.Sender(given).Value);

    [Theory]
    [InlineData("nodot")]
    [InlineData("billing@nodot")]
    [InlineData("billing@bad example")]
    public void Sender_DomainNotADomain_IsRefusedAsASenderDomain(string given) =>
        Assert.Contains("is not a sender domain", Assert.Throws<ArgumentException>(() => Indicator.Sender(given)).Message, StringComparison.Ordinal);

    [Fact]
    public void UrlDomain_LongestNameADomainMayHave_IsTakenAndOneMoreIsNot()
    {
        var longest = string.Join('.', Enumerable.Repeat(new string('a', 63), 3)) + "." + new string('b', 61);

        Assert.Equal(253, Indicator.UrlDomain(longest).Value.Length);
        Assert.Throws<ArgumentException>(() => Indicator.UrlDomain(longest + "b"));
    }

    [Fact]
    public void AttachmentSha256_Refused_SaysWhatItMustBe() =>
        Assert.Equal("\"abc\" is not a SHA-256 in hex (64 characters). (Parameter 'hash')", Assert.Throws<ArgumentException>(() => Indicator.AttachmentSha256("abc")).Message);

    [Theory]
    [InlineData("AB12", "ab12")]
    [InlineData("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    public void Fingerprint_HexUpTo64Characters_IsTaken(string given, string value) => Assert.Equal(value, Indicator.Fingerprint(given).Value);

    [Theory]
    [InlineData("")]
    [InlineData("ab1g")]
    [InlineData("g")]
    [InlineData("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0")]
    public void Fingerprint_NotAFingerprintId_IsRefusedSayingSo(string given) =>
        Assert.Equal($"\"{given}\" is not a fingerprint id. (Parameter 'id')", Assert.Throws<ArgumentException>(() => Indicator.Fingerprint(given)).Message);

    [Fact]
    public void Matches_CopyWithOneValueNamingTheIndicator_Matches()
    {
        Assert.True(Indicator.UrlDomain("phish.example").Matches(Copy("cdn.other.example", "login.phish.example")));
        Assert.True(Indicator.Sender("bad.example").Matches(Copy("ceo@good.example", "billing@bad.example")));
    }

    private static IndexedCopy Copy(params string[] values) =>
        new("m", "1", null, DateTimeOffset.UnixEpoch, "key", true, VerdictBand.Clean, false, values);
}
