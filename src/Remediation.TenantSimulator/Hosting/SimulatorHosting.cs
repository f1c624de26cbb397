using Remediation.TenantSimulator.Auth;
using Remediation.TenantSimulator.Batch;
using Remediation.TenantSimulator.Delta;
using Remediation.TenantSimulator.Endpoints;
using Remediation.TenantSimulator.Graph;
using Remediation.TenantSimulator.Notifications;
using Remediation.TenantSimulator.Throttling;
using Remediation.TenantSimulator.Transport;

namespace Remediation.TenantSimulator.Hosting;

/// <summary>Wires the simulator into a web application; shared by the standalone server and <see cref="GraphSimulator"/>.</summary>
internal static class SimulatorHosting
{
    private const string GraphPrefix = "/v1.0";

    public static IServiceCollection AddTenantSimulator(this IServiceCollection services, SimulatorOptions options, TimeProvider timeProvider)
    {
        services.AddRouting();
        services.AddSingleton(options);
        services.AddSingleton(timeProvider);
        services.AddSingleton<SimulatorMetrics>();
        services.AddSingleton<AccessTokens>();
        services.AddSingleton<FaultInjector>();
        services.AddSingleton<MailboxGate>();
        services.AddSingleton<SubscriptionRegistry>();
        services.AddSingleton<WebhookClient>();
        services.AddSingleton<EndpointHealth>();
        services.AddSingleton<NotificationDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<NotificationDispatcher>());
        services.AddSingleton<ChangeNotificationRouter>();
        services.AddSingleton<LifecycleEvents>();
        services.AddSingleton<TransportStamper>();
        services.AddSingleton(sp => new SimulatedTenant(
            options,
            timeProvider,
            sp.GetRequiredService<TransportStamper>(),
            sp.GetRequiredService<SubscriptionRegistry>(),
            sp.GetRequiredService<ChangeNotificationRouter>(),
            sp.GetRequiredService<LifecycleEvents>(),
            sp.GetRequiredService<FaultInjector>()));
        services.AddSingleton<SubscriptionService>();
        services.AddSingleton<DeltaSync>();
        services.AddSingleton<GraphPipeline>();
        services.AddSingleton<BatchExecutor>();
        return services;
    }

    public static WebApplication UseTenantSimulator(this WebApplication app)
    {
        GraphPipeline.Capture(app);
        app.UseRouting();
        app.UseWhen(IsGraphRequest, graph =>
        {
            graph.UseMiddleware<BearerAuthentication>();
            // The batch envelope only carries its items; each item goes through the policy on its own.
            graph.UseWhen(c => !c.Request.Path.Equals(GraphPrefix + BatchEndpoints.Path, StringComparison.OrdinalIgnoreCase),
                items => items.UseMiddleware<GraphRequestPolicy>());
        });

        var graph = app.MapGroup(GraphPrefix);
        graph.MapUserEndpoints();
        graph.MapGroupEndpoints();
        graph.MapContactEndpoints();
        graph.MapMailFolderEndpoints();
        graph.MapMessageEndpoints();
        graph.MapCalendarEndpoints();
        graph.MapDeltaEndpoints();
        graph.MapSubscriptionEndpoints();
        graph.MapBatchEndpoints();
        graph.MapFallback((HttpRequest request) => GraphErrors.BadRequest($"Unsupported request: {request.Method} {request.Path}."));
        app.MapTokenEndpoints();
        app.MapSimulatorControlEndpoints();
        return app;
    }

    private static bool IsGraphRequest(HttpContext context) => context.Request.Path.StartsWithSegments(GraphPrefix, StringComparison.OrdinalIgnoreCase);
}
