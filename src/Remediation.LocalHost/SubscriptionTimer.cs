using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Remediation.Core.Subscriptions;

namespace Remediation.LocalHost;

/// <summary>The subscriptions timer function's local twin: keeps every mailbox subscribed, on an interval.</summary>
internal sealed class SubscriptionTimer(
    IServiceProvider services, IHostApplicationLifetime lifetime, IOptions<LocalHostOptions> options, TimeProvider clock, ILogger<SubscriptionTimer> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.SubscriptionCheckInterval;
        if (interval <= TimeSpan.Zero) return;
        // Graph validates the webhook while subscribing, so the webhook must be listening first.
        await WaitForStartAsync(stoppingToken);
        var keeper = services.GetRequiredService<SubscriptionKeeper>();
        using var timer = new PeriodicTimer(interval, clock);
        do
        {
            await TimerTick.RunAsync(keeper.RunAsync, nameof(SubscriptionTimer), logger, stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task WaitForStartAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await started.Task.WaitAsync(stoppingToken);
    }
}
