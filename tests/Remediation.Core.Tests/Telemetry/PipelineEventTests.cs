using System.Reflection;
using Remediation.Core.Hunting;
using Remediation.Core.Scanning;
using Remediation.Core.Telemetry;

namespace Remediation.Core.Tests.Telemetry;

public class PipelineEventTests
{
    private static readonly Type[] Records = [.. typeof(PipelineEvent).Assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(PipelineEvent)) && !t.IsAbstract)];

    private static string[] Constants(Type holder) => [.. holder.GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!)];

    [Fact]
    public void Records_AreExactlyTheNamedEvents()
    {
        Assert.Equal(Constants(typeof(PipelineEvents)).Order(), Records.Select(t => t.Name).Order());
    }

    [Fact]
    public void Records_CarryOnlyTheNamedProperties()
    {
        var named = Constants(typeof(PipelineEventProperties)).ToHashSet();

        var unnamed = Records.SelectMany(t => t.GetProperties().Where(p => p.DeclaringType != typeof(PipelineEvent)).Select(p => $"{t.Name}.{p.Name}"))
            .Where(name => !named.Contains(name[(name.IndexOf('.', StringComparison.Ordinal) + 1)..]));

        Assert.Empty(unnamed);
    }

    [Fact]
    public void Properties_WriteEachKindOfValueAsTheAlertRulesReadIt()
    {
        var since = new DateTimeOffset(2026, 3, 9, 8, 0, 0, TimeSpan.Zero);
        var hunt = new HuntCompleted("h-1", new Indicator(IndicatorKind.UrlDomain, "evil.example"), HuntTrigger.Analyst, "soc@contoso.example", since,
            Matched: 1234, Copies: 3, Campaigns: 1, ReportOnly: true, DurationSeconds: 2.5);

        var properties = hunt.Properties();

        Assert.Equal("HuntCompleted", hunt.Name);
        Assert.Equal(("2026-03-09T08:00:00.0000000+00:00", "1234", "True", "2.5", "Analyst"),
            (properties["Since"], properties["Matched"], properties["ReportOnly"], properties["DurationSeconds"], properties["Trigger"]));
        Assert.Equal(new Indicator(IndicatorKind.UrlDomain, "evil.example").ToString(), properties["Indicator"]);
        Assert.Equal(10, properties.Count);
    }

    [Fact]
    public void Properties_OfADerivedEvent_AreItsBasesAndItsOwn()
    {
        var scanned = new MessageScanned("user1", "AAMk1", "<m@x>", "c-1", "F1", VerdictBand.Unscannable, ThreatCategory.Spam, 6.25, ["Rule_A", "Rule_B"]);

        var properties = new MessageUnscannable(scanned, "it is larger than 40 MB").Properties();

        Assert.Equal("MessageUnscannable", new MessageUnscannable(scanned, "x").Name);
        Assert.Equal(("Unscannable", "Spam", "6.25", "Rule_A,Rule_B", "it is larger than 40 MB"),
            (properties["Band"], properties["Category"], properties["Score"], properties["Rules"], properties["Reason"]));
        Assert.Equal(10, properties.Count);
    }
}
