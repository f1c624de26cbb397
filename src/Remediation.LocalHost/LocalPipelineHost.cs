using System.Security.Cryptography;
using System.Text;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Host.Timers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Remediation.Core.Campaigns;
using Remediation.Core.Hunting;
using Remediation.Core.Intake;
using Remediation.Core.Remediation;
using Remediation.Core.Subscriptions;
using Remediation.Infrastructure;
using Remediation.Infrastructure.Storage;

namespace Remediation.LocalHost;

/// <summary>The pipeline outside Azure: the webhooks on Kestrel and the queue stages on the WebJobs SDK.</summary>
public sealed class LocalPipelineHost : IAsyncDisposable
{
    public const string NotificationsPath = ApiRoot + PipelineEndpoints.NotificationsRoute;
    public const string LifecyclePath = ApiRoot + PipelineEndpoints.LifecycleRoute;

    private const string ApiRoot = "/api/";

    /// <summary>What the audit records as the actor of a restore or approval made through this host.</summary>
    public const string AdminActor = "local admin key";

    private readonly WebApplication _app;

    private LocalPipelineHost(WebApplication app, Uri baseAddress, string adminKey)
    {
        _app = app;
        BaseAddress = baseAddress;
        AdminKey = adminKey;
    }

    public Uri BaseAddress { get; }

    /// <summary>The key the SOC's endpoints demand: the configured one, or one generated at startup (never logged).</summary>
    public string AdminKey { get; }

    public Uri NotificationUrl => new(BaseAddress, NotificationsPath);

    public IServiceProvider Services => _app.Services;

    /// <param name="settings">Settings on top of appsettings and the environment (same keys as the Function App's).</param>
    /// <param name="configureServices">Replacements registered before the pipeline's defaults (e.g. a clock or telemetry).</param>
    public static async Task<LocalPipelineHost> StartAsync(
        IEnumerable<KeyValuePair<string, string?>> settings,
        Action<ILoggingBuilder>? configureLogging = null,
        Action<IServiceCollection>? configureServices = null,
        string[]? args = null,
        CancellationToken cancellationToken = default)
    {
        var (app, adminKey) = Build(settings, configureLogging, configureServices, args ?? []);
        // The queue listeners start polling at once: the queues must exist first.
        await StorageProvisioner.EnsureCreatedAsync(
            app.Services.GetRequiredService<QueueServiceClient>(), app.Services.GetRequiredService<TableServiceClient>(), cancellationToken);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new LocalPipelineHost(app, new Uri(address.TrimEnd('/') + "/"), adminKey);
    }

    private static (WebApplication App, string AdminKey) Build(
        IEnumerable<KeyValuePair<string, string?>> settings,
        Action<ILoggingBuilder>? configureLogging,
        Action<IServiceCollection>? configureServices,
        string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(settings);
        var options = builder.Configuration.GetSection(LocalHostOptions.Section).Get<LocalHostOptions>() ?? new LocalHostOptions();
        builder.WebHost.UseUrls(options.Url);
        configureLogging?.Invoke(builder.Logging);
        // These log request URLs, and Graph's carry the function key in their query string.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore.HostFiltering", LogLevel.Warning);

        builder.Services.Configure<LocalHostOptions>(builder.Configuration.GetSection(LocalHostOptions.Section));
        if (!string.IsNullOrEmpty(options.GraphAccessToken))
        {
            builder.Services.AddSingleton<TokenCredential>(new StaticTokenCredential(options.GraphAccessToken));
        }
        configureServices?.Invoke(builder.Services);
        builder.Services.AddRemediationPipeline(builder.Configuration);
        builder.Services.AddSingleton<IPostConfigureOptions<SubscriptionOptions>, LocalEndpoints>();
        builder.Services.AddHostedService<SubscriptionTimer>();
        builder.Services.AddHostedService<PoisonQueueWatch>();
        builder.Services.AddHostedService<ReconciliationTimer>();
        builder.Services.AddSingleton<ITypeLocator>(new TriggerTypes(typeof(QueueTriggers)));
        builder.Host.ConfigureWebJobs(webJobs => webJobs.AddAzureStorageQueues(queues =>
        {
            queues.MaxDequeueCount = options.MaxDequeueCount;
            queues.MaxPollingInterval = options.MaxPollingInterval;
            queues.BatchSize = options.QueueBatchSize;
            queues.NewBatchThreshold = options.NewBatchThreshold ?? options.QueueBatchSize / 2;
        }));
        // The last registration is the one resolved: this wraps the handler the SDK's factory makes.
        builder.Services.AddSingleton<IWebJobsExceptionHandler>(services => new StoppingExceptionHandler(
            services.GetRequiredService<IHostApplicationLifetime>(),
            services.GetRequiredService<IWebJobsExceptionHandlerFactory>().Create(services.GetRequiredService<IHost>())));

        var app = builder.Build();
        // Without a configured key anyone could restore or approve: a random one closes the endpoints to all but
        // whoever holds the host object (tests, the showcase).
        var adminKey = string.IsNullOrEmpty(options.AdminKey) ? RandomNumberGenerator.GetHexString(64, lowercase: true) : options.AdminKey;
        var keys = new Dictionary<EndpointCaller, byte[]>
        {
            [EndpointCaller.Graph] = Encoding.UTF8.GetBytes(options.FunctionKey ?? ""),
            [EndpointCaller.Operator] = Encoding.UTF8.GetBytes(adminKey),
        };
        foreach (var endpoint in PipelineEndpoints.Http)
        {
            var handler = Handlers.GetValueOrDefault(endpoint.Function)
                ?? throw new InvalidOperationException($"The local host has no handler for the {endpoint.Function} endpoint.");
            var key = keys[endpoint.Caller];
            app.MapMethods(ApiRoot + endpoint.Route, [endpoint.Method], handler).AddEndpointFilter(async (context, next) =>
                // No function key configured lets Graph's calls in, as a Functions host run without keys does.
                (endpoint.Caller == EndpointCaller.Graph && key.Length == 0) || HasKey(context.HttpContext.Request, key)
                    ? await next(context)
                    : Results.Unauthorized());
        }
        return (app, adminKey);
    }

    // What each endpoint of the table does here; the key each demands comes from the table's caller.
    private static readonly Dictionary<string, Delegate> Handlers = new()
    {
        ["Notifications"] = (HttpRequest request, NotificationIntake intake, CancellationToken ct) =>
            WebhookAsync(request, intake.HandleNotificationsAsync(request.Query["validationToken"], request.ContentType, request.Body, ct)),
        ["Lifecycle"] = (HttpRequest request, NotificationIntake intake, CancellationToken ct) =>
            WebhookAsync(request, intake.HandleLifecycleAsync(request.Query["validationToken"], request.ContentType, request.Body, ct)),
        ["Restore"] = async (HttpRequest request, string campaignId, RemediationUndo undo, CancellationToken ct) =>
            Results.Ok(await undo.RestoreAsync(new RestoreRequest(campaignId, request.Query["mailbox"], request.Query["message"]), AdminActor, ct)),
        ["Approve"] = async (string campaignId, CampaignResolver resolver, CancellationToken ct) =>
            await resolver.ApproveAsync(campaignId, AdminActor, ct) ? Results.Accepted() : Results.NotFound(),
        ["StartHunt"] = StartHuntAsync,
        ["HuntReport"] = async (string huntId, HuntControl control, CancellationToken ct) =>
            await control.ReportAsync(huntId, ct) is { } report ? Results.Ok(report) : Results.NotFound(),
        ["RestoreHunt"] = async (string huntId, HuntControl control, CancellationToken ct) =>
            await control.RestoreAsync(huntId, AdminActor, ct) is { } result ? Results.Ok(result) : Results.NotFound(),
    };

    private static async Task<IResult> StartHuntAsync(HttpRequest request, HuntControl control, CancellationToken cancellationToken)
    {
        try
        {
            var hunt = await control.StartRequestedAsync(name => request.Query[name], AdminActor, cancellationToken);
            return Results.Accepted($"/api/hunts/{hunt.Id}", hunt);
        }
        catch (ArgumentException invalid)
        {
            return Results.BadRequest(invalid.Message);
        }
    }

    private static async Task<IResult> WebhookAsync(HttpRequest request, Task<WebhookResponse> handling)
    {
        var response = await handling;
        // As in the Functions app: the body may echo the caller's validation token, so no browser may sniff it.
        request.HttpContext.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.Content(response.Body, response.ContentType, statusCode: response.StatusCode);
    }

    // What the Functions host does with its keys, in constant time.
    private static bool HasKey(HttpRequest request, byte[] key) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(request.Query["code"].ToString()), key);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
