using System.Text.Json.Nodes;

namespace Remediation.IntegrationTests.Infrastructure;

/// <summary>
/// infra/main.bicep compiled once by the Bicep CLI and evaluated with example parameters: every resource of the
/// deployment, modules expanded. The secure parameters carry marker values, so a test can tell where a secret ends up.
/// </summary>
internal sealed class CompiledDeployment
{
    public const string ClientState = "test-client-state-0123456789abcdef0123456789";
    public const string WebhookFunctionKey = "test-webhook-key-0123456789abcdef0123456789";
    public const string GraphClientSecret = "test-graph-secret-0123456789abcdef0123456789";
    public const string AlertWebhookUrl = "https://soar.contoso.example/hooks/test-alert-webhook-token";
    public const string OperatorAppClientId = "44444444-4444-4444-4444-444444444444";

    public static readonly ArmDeploymentTarget Target = new(
        SubscriptionId: "11111111-1111-1111-1111-111111111111",
        ResourceGroup: "rg-mail-remediation",
        Location: "westeurope",
        TenantId: "22222222-2222-2222-2222-222222222222");

    /// <summary>What a tenant fills in; parameters left out keep the template's defaults (reportOnly among them).</summary>
    public static readonly IReadOnlyDictionary<string, object?> Parameters = new Dictionary<string, object?>
    {
        ["namePrefix"] = "contoso",
        ["acceptedDomains"] = new List<object?> { "contoso.example" },
        ["exchangeDomains"] = new List<object?> { "outlook.com" },
        ["alertEmailAddresses"] = new List<object?> { "soc@contoso.example" },
        ["alertWebhookUrl"] = AlertWebhookUrl,
        ["notificationClientState"] = ClientState,
        ["webhookFunctionKey"] = WebhookFunctionKey,
        ["graphClientId"] = "33333333-3333-3333-3333-333333333333",
        ["operatorAppClientId"] = OperatorAppClientId,
        ["graphClientSecret"] = GraphClientSecret,
        ["protectedMailboxes"] = new List<object?> { "alice@contoso.example", "bob@contoso.example" },
        ["reportMailboxes"] = new List<object?> { "phish-reports@contoso.example" },
        ["blockedSenderDomains"] = new List<object?> { "phish.example" },
        ["blockedUrlDomains"] = new List<object?> { "credential-harvest.example" },
    };

    public static readonly IReadOnlyList<string> Secrets = [ClientState, WebhookFunctionKey, GraphClientSecret, AlertWebhookUrl];

    private static readonly Lazy<Task<CompiledDeployment>> Main = new(() => CompileAsync(Path.Combine(BicepCli.Infra, "main.bicep")));

    private CompiledDeployment(ArmScope root) => Root = root;

    /// <summary>The main template; its modules are reached through <see cref="ArmScope.Modules"/>.</summary>
    public ArmScope Root { get; }

    public IEnumerable<ArmScope> Templates => Root.SelfAndModules();

    /// <summary>Every resource the deployment creates, in main and in every module.</summary>
    public IEnumerable<ArmResource> Resources => Templates.SelectMany(t => t.Resources);

    public static Task<CompiledDeployment> MainAsync() => Main.Value;

    public IReadOnlyList<ArmResource> OfType(string type) =>
        [.. Resources.Where(r => string.Equals(r.Type, type, StringComparison.OrdinalIgnoreCase))];

    public ArmResource Single(string type) => Assert.Single(OfType(type));

    private static async Task<CompiledDeployment> CompileAsync(string templatePath)
    {
        var template = JsonNode.Parse(await BicepCli.BuildAsync(templatePath))!.AsObject();
        return new CompiledDeployment(new ArmScope("main", template, Target, name =>
            Parameters.TryGetValue(name, out var value) ? (true, value) : (false, null)));
    }
}
