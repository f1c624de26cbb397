using System.Reflection;
using System.Text.RegularExpressions;
using Remediation.Core.Telemetry;

namespace Remediation.IntegrationTests.Infrastructure;

/// <summary>The log alert rules query exactly the events and properties the code emits.</summary>
public partial class AlertRuleTemplateTests
{
    public static TheoryData<string> AlertingEvents() => [.. PipelineEvents.Alerting];

    [Fact]
    public async Task AlertRules_Queries_NameAnEventOfPipelineEvents()
    {
        var defined = Constants(typeof(PipelineEvents));

        var queries = await QueriesAsync();

        Assert.NotEmpty(queries);
        Assert.All(queries, q => Assert.Contains(EventOf(q), defined));
    }

    [Theory]
    [MemberData(nameof(AlertingEvents))]
    public async Task AlertRules_AlertingEvent_HasARule(string eventName)
    {
        var queries = await QueriesAsync();

        Assert.Contains(eventName, queries.Select(EventOf));
    }

    [Fact]
    public async Task AlertRules_Queries_ReadOnlyPropertiesOfPipelineEventProperties()
    {
        var defined = Constants(typeof(PipelineEventProperties));

        var queries = await QueriesAsync();

        Assert.All(queries.SelectMany(q => PropertyRead().Matches(q)), m => Assert.Contains(m.Groups["property"].Value, defined));
    }

    [Fact]
    public async Task AlertRules_Any_NotifiesTheSocActionGroup()
    {
        var deployment = await CompiledDeployment.MainAsync();
        var actionGroup = deployment.Single("Microsoft.Insights/actionGroups");

        var rules = deployment.OfType("Microsoft.Insights/scheduledQueryRules");

        Assert.All(rules, r => Assert.Equal(actionGroup.Id, ArmValue.Render(Assert.Single((List<object?>)r.Property("properties", "actions", "actionGroups")!))));
    }

    /// <summary>The event a query filters on: its first line must be AppEvents, its second the exact name filter.</summary>
    private static string EventOf(string query)
    {
        var match = EventFilter().Match(query);
        Assert.True(match.Success, $"The query does not start by filtering AppEvents on Name: {query}");
        return match.Groups["event"].Value;
    }

    private static async Task<List<string>> QueriesAsync()
    {
        var deployment = await CompiledDeployment.MainAsync();
        return
        [
            .. deployment.OfType("Microsoft.Insights/scheduledQueryRules")
                .SelectMany(r => (List<object?>)r.Property("properties", "criteria", "allOf")!)
                .Select(c => Assert.IsType<string>(((ArmObject)c!)["query"])),
        ];
    }

    private static HashSet<string> Constants(Type type) =>
        [.. type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!)];

    [GeneratedRegex("""\AAppEvents\s*\n\|\s*where Name == "(?<event>[^"]+)"\s*(\n|\z)""")]
    private static partial Regex EventFilter();

    [GeneratedRegex(@"\bProperties\.(?<property>\w+)")]
    private static partial Regex PropertyRead();
}
