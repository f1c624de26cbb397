using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Graph;
using Remediation.Core.Subscriptions;
using Remediation.Infrastructure.Graph;
using Remediation.LocalHost;
using Remediation.TenantSimulator;

namespace Remediation.Testing;

/// <summary>
/// The whole pipeline on one machine: Azurite for storage, the tenant simulator for Graph, and the local host
/// running the stages, with a subscription on every mailbox made by the pipeline's own subscription keeper.
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

    /// <summary>The storage emulator, to stop and restart it under a running pipeline.</summary>
    public AzuriteProcess Azurite => _azurite;

    public static async Task<LocalTenant> StartAsync(LocalTenantOptions options, Action<ILoggingBuilder>? configureLogging = null, CancellationToken cancellationToken = default)
    {
        var azurite = await AzuriteProcess.StartAsync(options.PersistentStorage, cancellationToken);
        var clock = options.Clock ?? TimeProvider.System;
        var simulator = await GraphSimulator.StartAsync(options.Simulator ?? new SimulatorOptions { TenantDomain = options.Domain }, clock, cancellationToken);
        foreach (var (userName, displayName) in options.Mailboxes)
        {
            simulator.Tenant.AddMailbox($"{userName}@{options.Domain}", displayName);
        }
        options.ConfigureTenant?.Invoke(simulator.Tenant);

        // A fresh secret per run: it only has to match between the subscriptions and the webhook.
        var clientState = options.Settings.GetValueOrDefault("Tenant:ClientState") ?? RandomNumberGenerator.GetHexString(32, lowercase: true);
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
            // Subscriptions are made once below, through the same keeper the timer runs.
            ["LocalHost:SubscriptionCheckInterval"] = "00:00:00",
        };
        var host = await LocalPipelineHost.StartAsync(settings, configureLogging, services =>
        {
            services.AddSingleton(clock);
            options.ConfigureServices?.Invoke(services);
        }, cancellationToken: cancellationToken);
        var graph = GraphClientBuilder.Build(new GraphOptions { BaseUrl = simulator.GraphBaseUrl }, new StaticTokenCredential(SimulatorAccessToken));

        await host.Services.GetRequiredService<SubscriptionKeeper>().RunAsync(cancellationToken);
        return new LocalTenant(azurite, simulator, host, graph);
    }

    private static string SimulatorAccessToken => new SimulatorOptions().AccessToken;

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Simulator.DisposeAsync();
        await _azurite.DisposeAsync();
        Graph.Dispose();
    }
}
