using Microsoft.Graph;

namespace Remediation.TenantSimulator.Tests.Infrastructure;

/// <summary>A running simulator with two mailboxes and clients pointed at it; one per test.</summary>
internal sealed class TestTenant : IAsyncDisposable
{
    private TestTenant(GraphSimulator simulator, SimulatorOptions options)
    {
        Simulator = simulator;
        Options = options;
        Adele = simulator.Tenant.AddMailbox("adele.vance@contoso.example", "Adele Vance");
        Alex = simulator.Tenant.AddMailbox("alex.wilber@contoso.example", "Alex Wilber");
        Graph = GraphClients.Create(simulator, options.AccessToken);
        Http = GraphClients.CreateRaw(simulator, options);
    }

    public GraphSimulator Simulator { get; }

    public SimulatorOptions Options { get; }

    public SimulatedTenant Tenant => Simulator.Tenant;

    public SimulatorMetrics Metrics => Simulator.Metrics;

    public SimulatedMailbox Adele { get; }

    public SimulatedMailbox Alex { get; }

    /// <summary>A client with the SDK's default handlers, retries included.</summary>
    public GraphServiceClient Graph { get; }

    /// <summary>Raw HTTP to <c>/v1.0/</c> with the bearer token.</summary>
    public HttpClient Http { get; }

    public static async Task<TestTenant> StartAsync(Action<SimulatorOptions>? configure = null, TimeProvider? timeProvider = null)
    {
        var options = new SimulatorOptions { Seed = 7 };
        configure?.Invoke(options);
        var simulator = await GraphSimulator.StartAsync(options, timeProvider ?? TimeProvider.System);
        return new TestTenant(simulator, options);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        Graph.Dispose();
        await Simulator.DisposeAsync();
    }
}
