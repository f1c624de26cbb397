using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Remediation.TenantSimulator.Hosting;

namespace Remediation.TenantSimulator;

/// <summary>A simulated Microsoft Graph for one tenant, served by Kestrel on a free loopback port.</summary>
public sealed class GraphSimulator : IAsyncDisposable
{
    private readonly WebApplication app;

    private GraphSimulator(WebApplication app, Uri baseAddress)
    {
        this.app = app;
        BaseAddress = baseAddress;
        Tenant = app.Services.GetRequiredService<SimulatedTenant>();
        Metrics = app.Services.GetRequiredService<SimulatorMetrics>();
    }

    /// <summary>The server's root, e.g. <c>http://127.0.0.1:5080/</c>; the token endpoint lives under it.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The base URL to give <c>GraphServiceClient</c>, ending in <c>/v1.0</c>.</summary>
    public string GraphBaseUrl => new Uri(BaseAddress, "v1.0").AbsoluteUri;

    /// <summary>The token endpoint of the tenant, for the client-credentials grant.</summary>
    public Uri TokenEndpoint => new(BaseAddress, $"{Tenant.TenantId}/oauth2/v2.0/token");

    public SimulatedTenant Tenant { get; }

    public SimulatorMetrics Metrics { get; }

    public static Task<GraphSimulator> StartAsync(SimulatorOptions options, CancellationToken cancellationToken = default) =>
        StartAsync(options, TimeProvider.System, cancellationToken);

    public static async Task<GraphSimulator> StartAsync(SimulatorOptions options, TimeProvider timeProvider, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = typeof(GraphSimulator).Assembly.GetName().Name });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Services.AddLogging();
        builder.Services.AddTenantSimulator(options, timeProvider);

        var app = builder.Build();
        app.UseTenantSimulator();
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new GraphSimulator(app, new Uri(address.TrimEnd('/') + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
