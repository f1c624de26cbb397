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

    [Theory]
    [InlineData("maybe")]
    [InlineData("yes")]
    [InlineData("2")]
    public void Parse_ReportOnlyNeitherTrueNorFalse_IsRefusedSayingWhatItTakes(string flag)
    {
        var error = Assert.Throws<ArgumentException>(() => HuntParameters.Parse(Query(("url-domain", "a.example"), ("report-only", flag)), DefaultWindow));

        Assert.Equal("report-only is true or false.", error.Message);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("TRUE", true)]
    [InlineData("1", true)]
    [InlineData("false", false)]
    [InlineData("False", false)]
    [InlineData("0", false)]
    public void Parse_ReportOnlyInEitherSpelling_IsRead(string flag, bool reportOnly) =>
        Assert.Equal(reportOnly, HuntParameters.Parse(Query(("url-domain", "a.example"), ("report-only", flag)), DefaultWindow).ReportOnly);

    [Theory]
    [InlineData("90d", 90 * 24 * 60)]
    [InlineData("2160h", 90 * 24 * 60)]
    [InlineData("30M", 30)]
    public void Parse_WindowUpToNinetyDays_IsTaken(string since, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), HuntParameters.Parse(Query(("url-domain", "a.example"), ("since", since)), DefaultWindow).Window);

    [Theory]
    [InlineData("7x", "since \"7x\" is not a window such as 7d, 48h or 30m.")]
    [InlineData("0d", "since \"0d\" is not a window such as 7d, 48h or 30m.")]
    [InlineData("2161h", "since reaches back at most 90 days.")]
    public void Parse_WindowRefused_SaysWhy(string since, string message) =>
        Assert.Equal(message, Assert.Throws<ArgumentException>(() => HuntParameters.Parse(Query(("url-domain", "a.example"), ("since", since)), DefaultWindow)).Message);

    private static Func<string, string?> Query(params (string Name, string Value)[] values) =>
        name => values.FirstOrDefault(v => v.Name == name).Value;
}
