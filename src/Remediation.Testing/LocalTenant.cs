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
    private readonly Func<int, string?, CancellationToken, Task<LocalPipelineHost>> _startHost;
    private List<LocalPipelineHost> _hosts;

    private LocalTenant(AzuriteProcess azurite, GraphSimulator simulator, List<LocalPipelineHost> hosts, GraphServiceClient graph, Func<int, string?, CancellationToken, Task<LocalPipelineHost>> startHost)
    {
        _azurite = azurite;
        Simulator = simulator;
        _hosts = hosts;
        Graph = graph;
        _startHost = startHost;
    }

    public GraphSimulator Simulator { get; }

    /// <summary>The first instance: it answers the webhook and runs the timers.</summary>
    public LocalPipelineHost Host => Hosts[0];

    /// <summary>Every instance (see <see cref="LocalTenantOptions.Instances"/>).</summary>
    public IReadOnlyList<LocalPipelineHost> Hosts => _hosts;

    /// <summary>A Graph client on the simulator with the pipeline's own settings, for setting up and inspecting.</summary>
    public GraphServiceClient Graph { get; }

    public string AzuriteConnectionString => _azurite.ConnectionString;

    /// <summary>The storage emulator, to stop and restart it under a running pipeline.</summary>
    public AzuriteProcess Azurite => _azurite;

    public static async Task<LocalTenant> StartAsync(LocalTenantOptions options, Action<ILoggingBuilder>? configureLogging = null, CancellationToken cancellationToken = default)
    {
        var azurite = await AzuriteProcess.StartAsync(options.PersistentStorage, cancellationToken, options.LogStorageCalls);
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
        Task<LocalPipelineHost> StartHostAsync(int instance, string? url, CancellationToken cancellation) =>
            LocalPipelineHost.StartAsync(instance > 0 ? settings.Concat(TimersOff) : new Dictionary<string, string?>(settings) { ["LocalHost:Url"] = url ?? settings["LocalHost:Url"] }, configureLogging, services =>
            {
                services.AddSingleton(clock);
                options.ConfigureServices?.Invoke(services);
            }, cancellationToken: cancellation);
        var hosts = new List<LocalPipelineHost>();
        foreach (var instance in Enumerable.Range(0, Math.Max(1, options.Instances)))
        {
            hosts.Add(await StartHostAsync(instance, null, cancellationToken));
        }
        var graph = GraphClientBuilder.Build(new GraphOptions { BaseUrl = simulator.GraphBaseUrl }, new StaticTokenCredential(SimulatorAccessToken));

        await hosts[0].Services.GetRequiredService<SubscriptionKeeper>().RunAsync(cancellationToken);
        return new LocalTenant(azurite, simulator, hosts, graph, StartHostAsync);
    }

    /// <summary>
    /// Stops every instance and starts as many new ones on the same storage and tenant, as Functions replaces its
    /// instances: what they held in memory is gone, what they kept in storage is not.
    /// </summary>
    public async Task RestartHostsAsync(CancellationToken cancellationToken)
    {
        // The first instance listens where it did, so the subscriptions' notification URLs still reach it.
        var webhook = Host.BaseAddress.ToString().TrimEnd('/');
        var stopped = _hosts;
        _hosts = [];
        foreach (var host in stopped) await host.DisposeAsync();
        foreach (var instance in Enumerable.Range(0, stopped.Count)) _hosts.Add(await _startHost(instance, instance == 0 ? webhook : null, cancellationToken));
    }

    // Functions runs a timer on one instance at a time.
    private static readonly Dictionary<string, string?> TimersOff = new()
    {
        ["LocalHost:ReconcileInterval"] = "00:00:00",
        ["LocalHost:PoisonCheckInterval"] = "00:00:00",
    };

    private static string SimulatorAccessToken => new SimulatorOptions().AccessToken;

    public async ValueTask DisposeAsync()
    {
        foreach (var host in Hosts) await host.DisposeAsync();
        await Simulator.DisposeAsync();
        await _azurite.DisposeAsync();
        Graph.Dispose();
    }
}
