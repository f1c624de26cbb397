using Microsoft.Extensions.Time.Testing;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Remediation.TenantSimulator.Tests.Infrastructure;

namespace Remediation.TenantSimulator.Tests;

public sealed class SubscriptionTests : IAsyncLifetime
{
    private TestTenant sut = null!;
    private NotificationReceiver receiver = null!;

    public async Task InitializeAsync()
    {
        sut = await TestTenant.StartAsync();
        receiver = await NotificationReceiver.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await sut.DisposeAsync();
        await receiver.DisposeAsync();
    }

    private Subscription NewSubscription(TimeSpan lifetime, string? resource = null) => new()
    {
        ChangeType = "created",
        NotificationUrl = receiver.NotificationUrl.AbsoluteUri,
        LifecycleNotificationUrl = receiver.LifecycleUrl.AbsoluteUri,
        Resource = resource ?? $"users/{sut.Adele.Id}/mailFolders('Inbox')/messages",
        ExpirationDateTime = DateTimeOffset.UtcNow + lifetime,
        ClientState = "secret-client-state",
    };

    [Fact]
    public async Task Create_EndpointEchoesValidationToken_Returns201AfterHandshakeOnBothUrls()
    {
        var created = await sut.Graph.Subscriptions.PostAsync(NewSubscription(TimeSpan.FromHours(1)));

        Assert.False(string.IsNullOrEmpty(created!.Id));
        Assert.Equal("secret-client-state", created.ClientState);
        Assert.Equal(2, receiver.ValidationTokens.Count);
        Assert.All(receiver.ValidationTokens, token => Assert.StartsWith("Validation: Testing client application reachability", token));
        Assert.Equal(created.Id, Assert.Single(sut.Tenant.Subscriptions).Id);
    }

    [Fact]
    public async Task Create_EndpointAnswersHandshakeWrongly_Returns400ValidationErrorAndCreatesNothing()
    {
        receiver.Handshake = HandshakeAnswer.WrongToken;

        var error = await Assert.ThrowsAsync<ODataError>(() => sut.Graph.Subscriptions.PostAsync(NewSubscription(TimeSpan.FromHours(1))));

        Assert.Equal(400, error.ResponseStatusCode);
        Assert.Equal("ValidationError", error.Error?.Code);
        Assert.Empty(sut.Tenant.Subscriptions);
    }

    [Fact]
    public async Task Create_UnreachableEndpoint_Returns400ValidationError()
    {
        var subscription = NewSubscription(TimeSpan.FromHours(1));
        subscription.NotificationUrl = "http://127.0.0.1:1/notify";
        subscription.LifecycleNotificationUrl = null;

        var error = await Assert.ThrowsAsync<ODataError>(() => sut.Graph.Subscriptions.PostAsync(subscription));

        Assert.Equal("ValidationError", error.Error?.Code);
    }

    // The subscription resource type (learn.microsoft.com/graph/api/resources/subscription) says "Outlook message ...
    // 10,080 minutes (under 7 days)"; live Graph has been seen refusing anything past 10,070, and the simulator is as strict.
    [Fact]
    public async Task Create_MessagesForTheStricterLimitLessAMinute_IsGranted()
    {
        var subscription = await sut.Graph.Subscriptions.PostAsync(NewSubscription(TimeSpan.FromMinutes(10069)));

        Assert.True(subscription!.ExpirationDateTime > DateTimeOffset.UtcNow.AddMinutes(10060));
    }

    [Fact]
    public async Task Create_ExpirationBetweenTheLiveAndTheDocumentedLimit_Returns400()
    {
        var error = await Assert.ThrowsAsync<ODataError>(() => sut.Graph.Subscriptions.PostAsync(NewSubscription(TimeSpan.FromMinutes(10075))));

        Assert.Equal(400, error.ResponseStatusCode);
    }

    [Fact]
    public async Task Create_ExpirationBeyondMaximumLifetime_Returns400()
    {
        var error = await Assert.ThrowsAsync<ODataError>(() =>
            sut.Graph.Subscriptions.PostAsync(NewSubscription(sut.Options.MaxSubscriptionLifetime + TimeSpan.FromMinutes(5))));

        Assert.Equal(400, error.ResponseStatusCode);
        Assert.Empty(receiver.ValidationTokens);
    }

    [Fact]
    public async Task Create_ClientStateLongerThan128_Returns400()
    {
        var subscription = NewSubscription(TimeSpan.FromHours(1));
        subscription.ClientState = new string('x', 129);

        var error = await Assert.ThrowsAsync<ODataError>(() => sut.Graph.Subscriptions.PostAsync(subscription));

        Assert.Equal(400, error.ResponseStatusCode);
    }

    // https://learn.microsoft.com/graph/api/resources/mail-api-overview (MailboxNotEnabledForRESTAPI), which the
    // subscriptions service wraps in an ExtensionError (microsoftgraph/microsoft-graph-docs issues 5989 and 6868), and
    // Exchange RBAC for Applications (a mailbox outside the app's management scope is refused).
    [Theory]
    [InlineData(MailboxAccess.NotEnabled, 404, "ExtensionError")]
    [InlineData(MailboxAccess.OutOfScope, 403, "ErrorAccessDenied")]
    public async Task Create_UserWithoutAReachableMailbox_IsRefusedAsGraphRefusesIt(MailboxAccess access, int status, string code)
    {
        var user = sut.Simulator.Tenant.AddMailbox($"no-mailbox-{access}@contoso.example", "No mailbox", access);

        var error = await Assert.ThrowsAsync<ODataError>(() => sut.Graph.Subscriptions.PostAsync(NewSubscription(TimeSpan.FromHours(1), $"users/{user.Id}/messages")));

        Assert.Equal((status, code), (error.ResponseStatusCode, error.Error?.Code));
    }

    [Fact]
    public async Task Create_MailboxWideResourceByUpn_WatchesTheMailbox()
    {
        var created = await sut.Graph.Subscriptions.PostAsync(NewSubscription(TimeSpan.FromHours(1), $"users/{sut.Adele.UserPrincipalName}/messages"));

        var stored = Assert.Single(sut.Tenant.Subscriptions);
        Assert.Equal(created!.Id, stored.Id);
        Assert.Equal(sut.Adele.Id, stored.MailboxId);
        Assert.Null(stored.FolderId);
    }

    [Fact]
    public async Task Renew_Patch_Returns200WithTheNewExpiration()
    {
        var created = await sut.Graph.Subscriptions.PostAsync(NewSubscription(TimeSpan.FromHours(1)));
        var renewedUntil = DateTimeOffset.UtcNow.AddDays(2);

        var renewed = await sut.Graph.Subscriptions[created!.Id].PatchAsync(new Subscription { ExpirationDateTime = renewedUntil });
        var read = await sut.Graph.Subscriptions[created.Id].GetAsync();

        Assert.Equal(renewedUntil, renewed!.ExpirationDateTime!.Value, TimeSpan.FromMilliseconds(1));
        Assert.Equal(renewedUntil, read!.ExpirationDateTime!.Value, TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task Delete_Subscription_Returns204AndLaterReadsAnswer404()
    {
        var created = await sut.Graph.Subscriptions.PostAsync(NewSubscription(TimeSpan.FromHours(1)));

        await sut.Graph.Subscriptions[created!.Id].DeleteAsync();
        var error = await Assert.ThrowsAsync<ODataError>(() => sut.Graph.Subscriptions[created.Id].GetAsync());
        var list = await sut.Graph.Subscriptions.GetAsync();

        Assert.Equal(404, error.ResponseStatusCode);
        Assert.Empty(list!.Value!);
    }

    [Fact]
    public async Task Reauthorize_LiveSubscription_Returns204()
    {
        var created = await sut.Graph.Subscriptions.PostAsync(NewSubscription(TimeSpan.FromHours(1)));

        await sut.Graph.Subscriptions[created!.Id].Reauthorize.PostAsync();
        var missing = await Assert.ThrowsAsync<ODataError>(() => sut.Graph.Subscriptions["00000000-0000-0000-0000-000000000000"].Reauthorize.PostAsync());

        Assert.Equal(404, missing.ResponseStatusCode);
    }

    [Fact]
    public async Task ExpiredSubscription_AnswersRenewalWith404AndGetsNoNotifications()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var tenant = await TestTenant.StartAsync(o => o.NotificationResponseBudget = TimeSpan.FromHours(1), time);
        Subscription For(TimeSpan lifetime) => new()
        {
            ChangeType = "created",
            NotificationUrl = receiver.NotificationUrl.AbsoluteUri,
            Resource = $"users/{tenant.Adele.Id}/messages",
            ExpirationDateTime = time.GetUtcNow() + lifetime,
        };
        var shortLived = await tenant.Graph.Subscriptions.PostAsync(For(TimeSpan.FromMinutes(10)));
        var longLived = await tenant.Graph.Subscriptions.PostAsync(For(TimeSpan.FromHours(2)));

        time.Advance(TimeSpan.FromMinutes(11));
        var get = await Assert.ThrowsAsync<ODataError>(() => tenant.Graph.Subscriptions[shortLived!.Id].GetAsync());
        var renew = await Assert.ThrowsAsync<ODataError>(() =>
            tenant.Graph.Subscriptions[shortLived!.Id].PatchAsync(new Subscription { ExpirationDateTime = time.GetUtcNow().AddHours(1) }));
        tenant.Tenant.DeliverThroughTransport(TestMime.Create(tenant.Adele.UserPrincipalName));
        await Eventually.HoldsAsync(() => receiver.AcceptedNotifications().Count > 0, "the live subscription is notified",
            betweenPolls: () => time.Advance(tenant.Options.NotificationBatchWindow));

        Assert.Equal(404, get.ResponseStatusCode);
        Assert.Equal(404, renew.ResponseStatusCode);
        Assert.Equal([longLived!.Id], receiver.AcceptedNotifications().Select(n => (string?)n["subscriptionId"]));
    }
}
