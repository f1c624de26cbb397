using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Remediation.Infrastructure.Graph;
using Remediation.LocalHost;
using Remediation.TenantSimulator;

namespace Remediation.Cli.LocalRun;

/// <summary>
/// The whole pipeline on one machine: Azurite for storage, the tenant simulator for Graph, and the local host
/// running the stages, with a subscription on every mailbox's Inbox pointing at the local webhook.
/// </summary>
public sealed class LocalTenant : IAsyncDisposable
{
    private readonly AzuriteProcess _azurite;

    private LocalTenant(AzuriteProcess azurite, GraphSimulator simulator, LocalPipelineHost host, GraphServiceClient graph)
    {
        _azurite = azurite;
        Simulator = simulator;
        Host = host;
        Graph = graph;
    }

    public GraphSimulator Simulator { get; }

    public LocalPipelineHost Host { get; }

    /// <summary>A Graph client on the simulator with the pipeline's own settings, for setting up and inspecting.</summary>
    public GraphServiceClient Graph { get; }

    public string AzuriteConnectionString => _azurite.ConnectionString;

    public static async Task<LocalTenant> StartAsync(LocalTenantOptions options, Action<ILoggingBuilder>? configureLogging = null, CancellationToken cancellationToken = default)
    {
        var azurite = await AzuriteProcess.StartAsync(cancellationToken);
        var simulator = await GraphSimulator.StartAsync(new SimulatorOptions { TenantDomain = options.Domain }, cancellationToken);
        foreach (var (userName, displayName) in options.Mailboxes)
        {
            simulator.Tenant.AddMailbox($"{userName}@{options.Domain}", displayName);
        }

        // A fresh secret per run: it only has to match between the subscriptions and the webhook.
        var clientState = RandomNumberGenerator.GetHexString(32, lowercase: true);
        var settings = new Dictionary<string, string?>(options.Settings)
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Tenant:TenantId"] = simulator.Tenant.TenantId,
            ["Tenant:ClientState"] = clientState,
            ["Tenant:AcceptedDomains:0"] = options.Domain,
            ["Graph:BaseUrl"] = simulator.GraphBaseUrl,
            ["LocalHost:Url"] = "http://127.0.0.1:0",
            ["LocalHost:GraphAccessToken"] = SimulatorAccessToken,
            ["LocalHost:MaxPollingInterval"] = "00:00:00.500",
        };
        var host = await LocalPipelineHost.StartAsync(settings, configureLogging, cancellationToken: cancellationToken);
        var graph = GraphClientBuilder.Build(new GraphOptions { BaseUrl = simulator.GraphBaseUrl }, new StaticTokenCredential(SimulatorAccessToken));

        var tenant = new LocalTenant(azurite, simulator, host, graph);
        await tenant.SubscribeInboxesAsync(clientState, cancellationToken);
        return tenant;
    }

    private static string SimulatorAccessToken => new SimulatorOptions().AccessToken;

    private async Task SubscribeInboxesAsync(string clientState, CancellationToken cancellationToken)
    {
        foreach (var mailbox in Simulator.Tenant.Mailboxes)
        {
            await Graph.Subscriptions.PostAsync(new Subscription
            {
                ChangeType = "created",
                NotificationUrl = Host.NotificationUrl.AbsoluteUri,
                Resource = $"users/{mailbox.Id}/mailFolders('Inbox')/messages",
                ExpirationDateTime = DateTimeOffset.UtcNow.AddDays(2),
                ClientState = clientState,
            }, cancellationToken: cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Simulator.DisposeAsync();
        await _azurite.DisposeAsync();
        Graph.Dispose();
    }
}
