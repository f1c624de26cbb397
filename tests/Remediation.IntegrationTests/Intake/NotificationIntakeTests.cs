using System.Text;
using System.Text.Json;
using Azure.Storage.Queues;
using Remediation.Core.Intake;
using Remediation.Core.Queues;
using Remediation.IntegrationTests.Fixtures;

namespace Remediation.IntegrationTests.Intake;

/// <summary>The webhook stage writing to a real Storage queue on Azurite.</summary>
public sealed class NotificationIntakeTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private const string TenantId = "7d9a1c2e-0000-4000-8000-000000000001";
    private const string ClientState = "client-state-under-test";
    private const string User1 = "3f1c2a9b-0000-4000-8000-0000000000a1";
    private const string User2 = "3f1c2a9b-0000-4000-8000-0000000000a2";
    private static readonly Dictionary<string, string> SubscriptionOf = new() { [User1] = "sub-1", [User2] = "sub-2" };

    private readonly RecordingTelemetry _telemetry = new();
    private QueueClient _scanQueue = null!;
    private NotificationIntake _sut = null!;

    public async Task InitializeAsync() => (_sut, _scanQueue) = await IntakeOnAzurite.CreateAsync(azurite, TenantId, ClientState, _telemetry,
        ("sub-1", User1), ("sub-2", User2));

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task HandleAsync_ValidationToken_EchoesItAsPlainText()
    {
        var response = await _sut.HandleNotificationsAsync("token with spaces & symbols", "text/plain", Stream.Null, CancellationToken.None);

        Assert.Equal(new WebhookResponse(200, "token with spaces & symbols", "text/plain"), response);
        Assert.Empty(await QueuedAsync());
    }

    [Fact]
    public async Task HandleAsync_ValidNotification_QueuesOneScanRequestAndAnswers202()
    {
        var response = await PostAsync(Collection(Notification(User1, "msg-1")));

        Assert.Equal(202, response.StatusCode);
        var request = Assert.Single(await QueuedAsync());
        Assert.Equal((User1, "msg-1", "sub-1"), (request.MailboxId, request.MessageId, request.SubscriptionId));
    }

    [Fact]
    public async Task HandleAsync_WrongClientState_RefusesAndQueuesNothing()
    {
        var response = await PostAsync(Collection(Notification(User1, "msg-1", clientState: "client-state-under-tesT")));

        Assert.Equal(400, response.StatusCode);
        Assert.Empty(await QueuedAsync());
    }

    [Fact]
    public async Task HandleAsync_OtherTenant_RefusesAndQueuesNothing()
    {
        var response = await PostAsync(Collection(Notification(User1, "msg-1", tenantId: "11111111-2222-3333-4444-555555555555")));

        Assert.Equal(400, response.StatusCode);
        Assert.Empty(await QueuedAsync());
    }

    [Fact]
    public async Task HandleAsync_MixOfValidAndForged_QueuesOnlyTheValid()
    {
        var response = await PostAsync(Collection(
            Notification(User1, "good-1"),
            Notification(User1, "forged", clientState: "guess"),
            Notification(User2, "good-2"),
            """{"changeType":"created"}"""));

        Assert.Equal(202, response.StatusCode);
        Assert.Equal(["good-1", "good-2"], (await QueuedAsync()).Select(r => r.MessageId).Order());
    }

    [Fact]
    public async Task HandleAsync_SameNotificationRepeated_QueuesItOnce()
    {
        var body = Collection(Notification(User1, "msg-1"), Notification(User1, "msg-1"));

        await PostAsync(body);
        await PostAsync(body);

        Assert.Single(await QueuedAsync());
    }

    [Fact]
    public async Task HandleAsync_CorpusOfMalformedAndForgedBodies_EachGets4xxAndNothingIsQueued()
    {
        var corpus = HostileBodies.Generate(seed: 20261128, tenantId: TenantId, clientState: ClientState).ToList();
        Assert.True(corpus.Count >= 50);

        foreach (var (description, body, contentType) in corpus)
        {
            var response = await _sut.HandleNotificationsAsync(null, contentType, new MemoryStream(body), CancellationToken.None);

            Assert.True(response.StatusCode is >= 400 and < 500, $"{description}: {response.StatusCode}");
        }
        Assert.Empty(await QueuedAsync());
        Assert.Equal(corpus.Count, _telemetry.Events(Core.Telemetry.PipelineEvents.WebhookRejected).Count);
    }

    [Theory]
    [InlineData("{not json", 400)]
    [InlineData("""{"value":"nope"}""", 400)]
    public async Task HandleAsync_MalformedBody_RefusesAndQueuesNothing(string body, int expectedStatus)
    {
        var response = await PostAsync(body);

        Assert.Equal(expectedStatus, response.StatusCode);
        Assert.Empty(await QueuedAsync());
    }

    [Fact]
    public async Task HandleAsync_WrongContentType_Answers415()
    {
        var response = await PostAsync(Collection(Notification(User1, "msg-1")), contentType: "text/plain");

        Assert.Equal(415, response.StatusCode);
        Assert.Empty(await QueuedAsync());
    }

    [Fact]
    public async Task HandleAsync_BodyOverTheCap_Answers413()
    {
        var many = Enumerable.Range(0, 100).Select(i => Notification(User1, $"msg-{i}")).ToArray();

        var response = await PostAsync(Collection(many));

        Assert.Equal(413, response.StatusCode);
        Assert.Empty(await QueuedAsync());
    }

    [Fact]
    public async Task HandleAsync_ValidationTokenLongerThanGraphsOwn_Refused()
    {
        var response = await _sut.HandleNotificationsAsync(new string('t', 1025), "text/plain", Stream.Null, CancellationToken.None);

        Assert.Equal(400, response.StatusCode);
    }

    [Fact]
    public async Task HandleAsync_KnownSubscriptionNamingAnotherMailbox_RefusesAndQueuesNothing()
    {
        var response = await PostAsync(Collection(Notification(User2, "msg-1", subscriptionId: "sub-1")));

        Assert.Equal(400, response.StatusCode);
        Assert.Empty(await QueuedAsync());
    }

    [Fact]
    public async Task HandleAsync_SubscriptionThisDeploymentDidNotCreate_RefusesAndQueuesNothing()
    {
        var response = await PostAsync(Collection(Notification(User1, "msg-1", subscriptionId: "sub-someone-elses")));

        Assert.Equal(400, response.StatusCode);
        Assert.Empty(await QueuedAsync());
    }

    [Theory]
    [InlineData("deleted")]
    [InlineData("updated")]
    public async Task HandleAsync_ChangeTypeTheSubscriptionsDoNotAskFor_RefusesAndQueuesNothing(string changeType)
    {
        var response = await PostAsync(Collection(Notification(User1, "msg-1", changeType: changeType)));

        Assert.Equal(400, response.StatusCode);
        Assert.Empty(await QueuedAsync());
    }

    [Fact]
    public async Task HandleAsync_ResourceNamingTheUserWithItsTenant_QueuesTheObjectId()
    {
        var notification = Notification(User1, "msg-1").Replace($"Users/{User1}/", $"users/{User1}@{TenantId}/", StringComparison.Ordinal);

        var response = await PostAsync(Collection(notification));

        Assert.Equal(202, response.StatusCode);
        Assert.Equal(User1, Assert.Single(await QueuedAsync()).MailboxId);
    }

    private Task<WebhookResponse> PostAsync(string body, string contentType = "application/json; charset=utf-8") =>
        _sut.HandleNotificationsAsync(null, contentType, new MemoryStream(Encoding.UTF8.GetBytes(body)), CancellationToken.None);

    private async Task<IReadOnlyList<ScanRequest>> QueuedAsync()
    {
        var messages = await _scanQueue.PeekMessagesAsync(maxMessages: 32);
        return [.. messages.Value.Select(m => WorkItemJson.Deserialize<ScanRequest>(m.Body.ToString()))];
    }

    private static string Collection(params string[] notifications) => $$"""{"value":[{{string.Join(',', notifications)}}]}""";

    private static string Notification(
        string user, string message, string clientState = ClientState, string tenantId = TenantId, string changeType = "created", string? subscriptionId = null) =>
        JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["subscriptionId"] = subscriptionId ?? SubscriptionOf[user],
            ["clientState"] = clientState,
            ["changeType"] = changeType,
            ["tenantId"] = tenantId,
            ["resource"] = $"Users/{user}/Messages/{message}",
            ["resourceData"] = new Dictionary<string, string>
            {
                ["@odata.type"] = "#Microsoft.Graph.Message",
                ["@odata.id"] = $"Users/{user}/Messages/{message}",
                ["id"] = message,
            },
        });
}
