using Azure.Core;
using Azure.Storage.Queues;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.WebJobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Remediation.Core.Intake;
using Remediation.Infrastructure;
using Remediation.Infrastructure.Storage;

namespace Remediation.LocalHost;

/// <summary>The pipeline outside Azure: the webhook on Kestrel and the queue stages on the WebJobs SDK.</summary>
public sealed class LocalPipelineHost : IAsyncDisposable
{
    public const string NotificationsPath = "/api/notifications";

    private readonly WebApplication _app;

    private LocalPipelineHost(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public Uri NotificationUrl => new(BaseAddress, NotificationsPath);

    public IServiceProvider Services => _app.Services;

    /// <param name="settings">Settings on top of appsettings and the environment (same keys as the Function App's).</param>
    public static async Task<LocalPipelineHost> StartAsync(
        IEnumerable<KeyValuePair<string, string?>> settings,
        Action<ILoggingBuilder>? configureLogging = null,
        string[]? args = null,
        CancellationToken cancellationToken = default)
    {
        var app = Build(settings, configureLogging, args ?? []);
        // The queue listeners start polling at once: the queues must exist first.
        await WorkQueueProvisioner.EnsureCreatedAsync(app.Services.GetRequiredService<QueueServiceClient>(), cancellationToken);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new LocalPipelineHost(app, new Uri(address.TrimEnd('/') + "/"));
    }

    private static WebApplication Build(IEnumerable<KeyValuePair<string, string?>> settings, Action<ILoggingBuilder>? configureLogging, string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(settings);
        var options = builder.Configuration.GetSection(LocalHostOptions.Section).Get<LocalHostOptions>() ?? new LocalHostOptions();
        builder.WebHost.UseUrls(options.Url);
        configureLogging?.Invoke(builder.Logging);

        if (!string.IsNullOrEmpty(options.GraphAccessToken))
        {
            builder.Services.AddSingleton<TokenCredential>(new StaticTokenCredential(options.GraphAccessToken));
        }
        builder.Services.AddRemediationPipeline(builder.Configuration);
        builder.Services.AddSingleton<ITypeLocator>(new TriggerTypes(typeof(QueueTriggers)));
        builder.Host.ConfigureWebJobs(webJobs =>
        {
            webJobs.AddAzureStorageQueues(queues =>
            {
                queues.MaxDequeueCount = options.MaxDequeueCount;
                queues.MaxPollingInterval = options.MaxPollingInterval;
                queues.BatchSize = 16;
            });
        });

        var app = builder.Build();
        app.MapPost(NotificationsPath, async (HttpRequest request, NotificationIntake intake, CancellationToken cancellationToken) =>
        {
            var response = await intake.HandleAsync(request.Query["validationToken"], request.ContentType, request.Body, cancellationToken);
            return Results.Content(response.Body, response.ContentType, statusCode: response.StatusCode);
        });
        return app;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
