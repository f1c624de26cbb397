using System.Diagnostics;
using Microsoft.Graph.Models;
using Remediation.TenantSimulator.Tests.Infrastructure;

namespace Remediation.TenantSimulator.Tests;

/// <summary>
/// Notification latency and the throttling of slow endpoints, as "Receive change notifications through webhooks"
/// (learn.microsoft.com/graph/change-notifications-delivery-webhooks) and "Change notifications for Outlook
/// resources" (learn.microsoft.com/graph/outlook-change-notifications-overview) describe them.
/// </summary>
public sealed class WebhookThrottlingTests : IAsyncLifetime
{
    private static readonly TimeSpan Budget = TimeSpan.FromMilliseconds(400);
    private NotificationReceiver receiver = null!;

    public async Task InitializeAsync() => receiver = await NotificationReceiver.StartAsync();

    public async Task DisposeAsync() => await receiver.DisposeAsync();

    [Fact]
    public async Task Delivery_WithLatency_LeavesOnlyAfterIt()
    {
        // A mean far above the cap makes nearly every draw the cap itself.
        await using var tenant = await StartAsync(o => (o.NotificationLatency, o.MaxNotificationLatency) = (TimeSpan.FromHours(1), TimeSpan.FromMilliseconds(1500)));
        var clock = Stopwatch.StartNew();

        tenant.Tenant.AppendAsImap(tenant.Adele.Id, TestMime.Create(tenant.Adele.UserPrincipalName));
        await Task.Delay(TimeSpan.FromMilliseconds(700));
        Assert.Empty(receiver.AcceptedNotifications());
        await Eventually.HoldsAsync(() => receiver.AcceptedNotifications().Count == 1, "the notification arrived");

        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(1400), TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Endpoint_SlowInMoreThanATenthOfAnswers_GetsNewNotificationsLate()
    {
        await using var tenant = await StartAsync(o => (o.EndpointHealthMinimumAnswers, o.SlowEndpointDelay) = (8, TimeSpan.FromMilliseconds(1500)));
        await DeliverOneByOneAsync(tenant, 7);
        // One answer too slow (the receiver would have refused it anyway), then its retry accepted: 1 slow of 9 answers is 11 %.
        receiver.Plan(new PlannedReply(503, Budget * 3));
        await DeliverOneByOneAsync(tenant, 1);

        var clock = Stopwatch.StartNew();
        tenant.Tenant.AppendAsImap(tenant.Adele.Id, TestMime.Create(tenant.Adele.UserPrincipalName));
        await Eventually.HoldsAsync(() => receiver.AcceptedNotifications().Count == 9, "the late notification arrived");

        Assert.Equal(1, tenant.Metrics.NotificationsDelayedBySlowEndpoint);
        Assert.Equal(0, tenant.Metrics.NotificationsDroppedBySlowEndpoint);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(1400), $"sent after {clock.Elapsed}, not held back");
    }

    [Fact]
    public async Task Endpoint_SlowInMoreThanFifteenPercentOfAnswers_LosesNewNotifications()
    {
        await using var tenant = await StartAsync(o => o.EndpointHealthMinimumAnswers = 2);
        receiver.Plan(new PlannedReply(503, Budget * 3));
        await DeliverOneByOneAsync(tenant, 1);

        tenant.Tenant.AppendAsImap(tenant.Adele.Id, TestMime.Create(tenant.Adele.UserPrincipalName));

        // Dropped as it is raised: nothing is left to send it later.
        Assert.Equal(1, tenant.Metrics.NotificationsDroppedBySlowEndpoint);
        Assert.Single(receiver.AcceptedNotifications());
    }

    [Fact]
    public async Task Endpoint_SlowAnswersOutsideTheWindow_IsHealthyAgain()
    {
        await using var tenant = await StartAsync(o => (o.EndpointHealthMinimumAnswers, o.EndpointHealthWindow) = (2, TimeSpan.FromSeconds(2)));
        receiver.Plan(new PlannedReply(503, Budget * 3));
        await DeliverOneByOneAsync(tenant, 1);
        await Task.Delay(TimeSpan.FromSeconds(2.5));

        await DeliverOneByOneAsync(tenant, 1);

        Assert.Equal(0, tenant.Metrics.NotificationsDroppedBySlowEndpoint);
    }

    [Fact]
    public async Task Endpoint_FewerAnswersThanTheMinimum_IsNotJudged()
    {
        await using var tenant = await StartAsync(o => o.EndpointHealthMinimumAnswers = 10);
        receiver.Plan(new PlannedReply(503, Budget * 3));
        await DeliverOneByOneAsync(tenant, 1);

        await DeliverOneByOneAsync(tenant, 1);

        Assert.Equal(0, tenant.Metrics.NotificationsDroppedBySlowEndpoint + tenant.Metrics.NotificationsDelayedBySlowEndpoint);
    }

    private async Task<TestTenant> StartAsync(Action<SimulatorOptions> configure)
    {
        var tenant = await TestTenant.StartAsync(o =>
        {
            o.NotificationBatchWindow = TimeSpan.FromMilliseconds(20);
            o.NotificationResponseBudget = Budget;
            o.NotificationRetryInitialDelay = TimeSpan.FromMilliseconds(50);
            configure(o);
        });
        await tenant.Graph.Subscriptions.PostAsync(new Subscription
        {
            ChangeType = "created",
            NotificationUrl = receiver.NotificationUrl.AbsoluteUri,
            Resource = $"users/{tenant.Adele.Id}/messages",
            ExpirationDateTime = DateTimeOffset.UtcNow.AddHours(1),
        });
        return tenant;
    }

    // Each in a POST of its own, so that every one is an answer the endpoint's health counts.
    private async Task DeliverOneByOneAsync(TestTenant tenant, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var expected = receiver.AcceptedNotifications().Count + 1;
            tenant.Tenant.AppendAsImap(tenant.Adele.Id, TestMime.Create(tenant.Adele.UserPrincipalName));
            await Eventually.HoldsAsync(() => receiver.AcceptedNotifications().Count == expected && tenant.Metrics.NotificationsDelivered == expected, "the notification was accepted");
        }
    }
}
