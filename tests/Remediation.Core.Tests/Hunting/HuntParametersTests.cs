using Remediation.Core.Hunting;

namespace Remediation.Core.Tests.Hunting;

public class HuntParametersTests
{
    private static readonly TimeSpan DefaultWindow = TimeSpan.FromDays(7);

    [Fact]
    public void Parse_IndicatorWindowAndReportOnly()
    {
        var sut = HuntParameters.Parse(Query(("url-domain", "phish.example"), ("since", "48h"), ("report-only", "true")), DefaultWindow);

        Assert.Equal(new HuntParameters(Indicator.UrlDomain("phish.example"), TimeSpan.FromHours(48), ReportOnly: true), sut);
    }

    [Fact]
    public void Parse_NoWindow_TakesTheDefault()
    {
        var sut = HuntParameters.Parse(Query(("sender", "bad.example")), DefaultWindow);

        Assert.Equal(DefaultWindow, sut.Window);
        Assert.False(sut.ReportOnly);
    }

    [Theory]
    [InlineData("7x")]
    [InlineData("d")]
    [InlineData("-3d")]
    [InlineData("91d")]
    public void Parse_WindowNotUnderstood_IsRefused(string since) =>
        Assert.Throws<ArgumentException>(() => HuntParameters.Parse(Query(("url-domain", "phish.example"), ("since", since)), DefaultWindow));

    [Fact]
    public void Parse_NoneOrTwoIndicators_IsRefusedNamingTheChoices()
    {
        var none = Assert.Throws<ArgumentException>(() => HuntParameters.Parse(Query(), DefaultWindow));
        Assert.Throws<ArgumentException>(() => HuntParameters.Parse(Query(("url-domain", "a.example"), ("sender", "b.example")), DefaultWindow));

        Assert.Contains("url-domain, sender, sha256, fingerprint", none.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ReportOnlyNeitherTrueNorFalse_IsRefused() =>
        Assert.Throws<ArgumentException>(() => HuntParameters.Parse(Query(("url-domain", "a.example"), ("report-only", "maybe")), DefaultWindow));

    private static Func<string, string?> Query(params (string Name, string Value)[] values) =>
        name => values.FirstOrDefault(v => v.Name == name).Value;
}
