using Microsoft.Graph.Models;
using Microsoft.Graph.Users.Item.Messages.Item.Move;
using Remediation.TenantSimulator.Tests.Infrastructure;

namespace Remediation.TenantSimulator.Tests;

public sealed class NotificationDeliveryTests : IAsyncLifetime
{
    private TestTenant sut = null!;
    private NotificationReceiver receiver = null!;

    public async Task InitializeAsync()
    {
        sut = await TestTenant.StartAsync(o =>
        {
            o.NotificationBatchWindow = TimeSpan.FromMilliseconds(100);
            // Graph's own budget: a tighter one counted an answer slowed by a busy machine as a failure and retried it.
            o.NotificationResponseBudget = TimeSpan.FromSeconds(3);
            o.NotificationRetryInitialDelay = TimeSpan.FromMilliseconds(50);
        });
        receiver = await NotificationReceiver.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await sut.DisposeAsync();
        await receiver.DisposeAsync();
    }

    private async Task<Subscription> SubscribeAsync(SimulatedMailbox mailbox, string resourceTail = "messages", string? prefer = null)
    {
        var subscription = new Subscription
        {
            ChangeType = "created",
            NotificationUrl = receiver.NotificationUrl.AbsoluteUri,
            LifecycleNotificationUrl = receiver.LifecycleUrl.AbsoluteUri,
            Resource = $"users/{mailbox.Id}/{resourceTail}",
            ExpirationDateTime = DateTimeOffset.UtcNow.AddHours(1),
            ClientState = "client-state-" + mailbox.DisplayName,
        };
        return (await sut.Graph.Subscriptions.PostAsync(subscription, r =>
        {
            if (prefer is not null)
            {
                r.Headers.Add("Prefer", prefer);
            }
        }))!;
    }

    [Fact]
    public async Task Delivery_ToSeveralWatchedMailboxes_SharesOnePostAndCarriesGraphsPayload()
    {
        var adele = await SubscribeAsync(sut.Adele);
        var alex = await SubscribeAsync(sut.Alex, "mailFolders('Inbox')/messages");

        var delivered = sut.Tenant.DeliverThroughTransport(
            TestMime.Create(sut.Adele.UserPrincipalName, cc: sut.Alex.UserPrincipalName));
        await Eventually.HoldsAsync(() => receiver.AcceptedNotifications().Count == 2, "both notifications arrived");

        var post = Assert.Single(receiver.Posts);
        Assert.Equal("?code=function-key", post.Query);
        var forAdele = Assert.Single(post.Notifications, n => (string?)n["subscriptionId"] == adele.Id);
        var adeleCopy = delivered.Single(d => d.MailboxId == sut.Adele.Id);
        Assert.Equal("created", (string?)forAdele["changeType"]);
        Assert.Equal("client-state-Adele Vance", (string?)forAdele["clientState"]);
        Assert.Equal(sut.Options.TenantId, (string?)forAdele["tenantId"]);
        Assert.Equal($"Users/{sut.Adele.Id}/Messages/{adeleCopy.MessageId}", (string?)forAdele["resource"]);
        Assert.Equal(adeleCopy.MessageId, (string?)forAdele["resourceData"]!["id"]);
        Assert.Equal("#Microsoft.Graph.Message", (string?)forAdele["resourceData"]!["@odata.type"]);
        Assert.StartsWith("W/\"", (string?)forAdele["resourceData"]!["@odata.etag"]);
        Assert.NotNull(forAdele["subscriptionExpirationDateTime"]);
        Assert.Contains(post.Notifications, n => (string?)n["subscriptionId"] == alex.Id);
    }

    // Graph drops the notifications of an endpoint that answers slowly too often, with no lifecycle event
    // (https://learn.microsoft.com/graph/change-notifications-delivery-webhooks): the control that does so here.
    [Fact]
    public async Task DropChangeNotifications_WhileSet_NothingIsSentUntilItIsCleared()
    {
        await SubscribeAsync(sut.Adele);

        sut.Tenant.DropChangeNotifications = true;
        sut.Tenant.AppendAsImap(sut.Adele.Id, TestMime.Create(sut.Adele.UserPrincipalName, "dropped"));
        sut.Tenant.DropChangeNotifications = false;
        var delivered = sut.Tenant.AppendAsImap(sut.Adele.Id, TestMime.Create(sut.Adele.UserPrincipalName, "delivered"));
        await Eventually.HoldsAsync(() => receiver.AcceptedNotifications().Count == 1 && sut.Metrics.NotificationsInFlight == 0, "the second notification arrived, nothing else in flight");

        var notification = Assert.Single(receiver.AcceptedNotifications());
        Assert.Equal(delivered.MessageId, (string?)notification["resourceData"]!["id"]);
        Assert.Equal(1, sut.Metrics.DroppedNotifications);
    }

    [Fact]
    public async Task NotificationsInFlight_FromRaisedUntilDelivered_CountsEachOnce()
    {
        await SubscribeAsync(sut.Adele);
        await SubscribeAsync(sut.Alex);

        sut.Tenant.DeliverThroughTransport(TestMime.Create(sut.Adele.UserPrincipalName, cc: sut.Alex.UserPrincipalName));
        var raised = sut.Metrics.NotificationsInFlight;
        await Eventually.HoldsAsync(() => sut.Metrics.NotificationsInFlight == 0, "both notifications settled");

        Assert.Equal(2, raised);
        Assert.Equal(2, receiver.AcceptedNotifications().Count);
    }

    [Fact]
    public async Task Delivery_MoreThanMaxPerPost_SplitsIntoSeveralPosts()
    {
        await using var tenant = await TestTenant.StartAsync(o =>
        {
            o.MaxNotificationsPerPost = 2;
            o.NotificationBatchWindow = TimeSpan.FromMilliseconds(200);
        });
        await tenant.Graph.Subscriptions.PostAsync(new Subscription
        {
            ChangeType = "created",
            NotificationUrl = receiver.NotificationUrl.AbsoluteUri,
            Resource = $"users/{tenant.Adele.Id}/messages",
            ExpirationDateTime = DateTimeOffset.UtcNow.AddHours(1),
        });

        for (var i = 0; i < 5; i++)
        {
            tenant.Tenant.AppendAsImap(tenant.Adele.Id, TestMime.Create(tenant.Adele.UserPrincipalName, $"m{i}"));
        }

        await Eventually.HoldsAsync(() => receiver.AcceptedNotifications().Count == 5, "five notifications arrived");
        Assert.Equal([1, 2, 2], receiver.Posts.Select(p => p.Notifications.Count).Order());
    }

    [Fact]
    public async Task Delivery_EndpointFailsFirst_RetriesUntilAccepted()
    {
        await SubscribeAsync(sut.Adele);
        receiver.Plan(new PlannedReply(500, TimeSpan.Zero), new PlannedReply(503, TimeSpan.Zero));

        var stored = sut.Tenant.AppendAsImap(sut.Adele.Id, TestMime.Create(sut.Adele.UserPrincipalName));
        // The receiver has answered 202 a moment before the simulator reads the answer and counts the delivery.
        await Eventually.HoldsAsync(() => receiver.AcceptedNotifications().Count == 1 && sut.Metrics.NotificationsDelivered == 1, "the notification was accepted");

        Assert.Equal([500, 503, 202], receiver.Posts.Select(p => p.AnsweredStatus));
        Assert.All(receiver.Posts, p => Assert.Equal(stored.MessageId, (string?)p.Notifications.Single()["resourceData"]!["id"]));
        Assert.Equal(2, sut.Metrics.NotificationRetries);
        Assert.Equal(2, sut.Metrics.NotificationDeliveryFailures);
        Assert.Equal(1, sut.Metrics.NotificationsDelivered);
    }

    [Fact]
    public async Task Delivery_EndpointSlowerThanBudget_CountsAsFailedAndIsRetried()
    {
        await SubscribeAsync(sut.Adele);
        receiver.Plan(new PlannedReply(202, TimeSpan.FromSeconds(4)));

        sut.Tenant.AppendAsImap(sut.Adele.Id, TestMime.Create(sut.Adele.UserPrincipalName));
        await Eventually.HoldsAsync(() => sut.Metrics.NotificationsDelivered == 1, "the retried notification was accepted");

        Assert.Equal(2, receiver.Posts.Count);
        Assert.Equal(1, sut.Metrics.NotificationDeliveryFailures);
    }

    [Fact]
    public async Task Delivery_SubscriptionCreatedWithImmutableIdPreference_CarriesImmutableIds()
    {
        await SubscribeAsync(sut.Adele, prefer: "IdType=\"ImmutableId\"");

        var stored = sut.Tenant.AppendAsImap(sut.Adele.Id, TestMime.Create(sut.Adele.UserPrincipalName));
        await Eventually.HoldsAsync(() => receiver.AcceptedNotifications().Count == 1, "the notification arrived");

        Assert.Equal(stored.ImmutableId, (string?)receiver.AcceptedNotifications()[0]["resourceData"]!["id"]);
    }

    [Fact]
    public async Task Move_IntoWatchedFolder_RaisesCreatedWithTheNewId()
    {
        await SubscribeAsync(sut.Adele, "mailFolders('junkemail')/messages");
        var stored = sut.Tenant.AppendAsImap(sut.Adele.Id, TestMime.Create(sut.Adele.UserPrincipalName));

        var moved = await sut.Graph.Users[sut.Adele.Id].Messages[stored.MessageId].Move.PostAsync(new MovePostRequestBody { DestinationId = "junkemail" });
        await Eventually.HoldsAsync(() => receiver.AcceptedNotifications().Count == 1, "the move was notified");

        Assert.Equal(moved!.Id, (string?)receiver.AcceptedNotifications()[0]["resourceData"]!["id"]);
    }

    [Fact]
    public async Task Delivery_DropRateOne_DropsSilentlyAndCountsIt()
    {
        await using var tenant = await TestTenant.StartAsync(o => o.DroppedNotificationRate = 1);
        await tenant.Graph.Subscriptions.PostAsync(new Subscription
        {
            ChangeType = "created",
            NotificationUrl = receiver.NotificationUrl.AbsoluteUri,
            Resource = $"users/{tenant.Adele.Id}/messages",
            ExpirationDateTime = DateTimeOffset.UtcNow.AddHours(1),
        });

        tenant.Tenant.AppendAsImap(tenant.Adele.Id, TestMime.Create(tenant.Adele.UserPrincipalName));

        Assert.Equal(1, tenant.Metrics.DroppedNotifications);
        Assert.Equal(0, tenant.Metrics.NotificationPosts);
    }

    [Theory]
    [InlineData("reauthorizationRequired")]
    [InlineData("missed")]
    public async Task RaiseLifecycleEvent_KeepingEvent_PostsToLifecycleUrlAndKeepsSubscription(string lifecycleEvent)
    {
        var subscription = await SubscribeAsync(sut.Adele);

        await sut.Tenant.RaiseLifecycleEventAsync(subscription.Id!, lifecycleEvent);
        await Eventually.HoldsAsync(() => receiver.AcceptedNotifications("/lifecycle").Count == 1, "the lifecycle event arrived");

        var notification = receiver.AcceptedNotifications("/lifecycle")[0];
        Assert.Equal(lifecycleEvent, (string?)notification["lifecycleEvent"]);
        Assert.Equal(subscription.Id, (string?)notification["subscriptionId"]);
        Assert.Equal("client-state-Adele Vance", (string?)notification["clientState"]);
        Assert.Equal(sut.Options.TenantId, (string?)notification["tenantId"]);
        Assert.NotNull(await sut.Graph.Subscriptions[subscription.Id].GetAsync());
    }

    [Fact]
    public async Task RaiseLifecycleEvent_SubscriptionRemoved_PostsAndRemovesTheSubscription()
    {
        var subscription = await SubscribeAsync(sut.Adele);

        await sut.Tenant.RaiseLifecycleEventAsync(subscription.Id!, "subscriptionRemoved");
        await Eventually.HoldsAsync(() => receiver.AcceptedNotifications("/lifecycle").Count == 1, "the lifecycle event arrived");

        Assert.Equal("subscriptionRemoved", (string?)receiver.AcceptedNotifications("/lifecycle")[0]["lifecycleEvent"]);
        Assert.Empty(sut.Tenant.Subscriptions);
    }

    [Fact]
    public async Task LifecycleEndpoint_OverHttp_RaisesTheEvent()
    {
        var subscription = await SubscribeAsync(sut.Adele);
        using var http = new HttpClient { BaseAddress = sut.Simulator.BaseAddress };

        using var response = await http.PostAsync($"simulator/subscriptions/{subscription.Id}/lifecycle/missed", content: null);
        await Eventually.HoldsAsync(() => receiver.AcceptedNotifications("/lifecycle").Count == 1, "the lifecycle event arrived");

        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("missed", (string?)receiver.AcceptedNotifications("/lifecycle")[0]["lifecycleEvent"]);
    }
}
