using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Remediation.Core.Intake;
using Remediation.Core.Queues;
using Remediation.Core.Subscriptions;
using Remediation.Core.Telemetry;

namespace Remediation.Core.Tests.Intake;

/// <summary>
/// The webhook's decisions, on the in-memory twins of the registry and the queues: what it answers Graph, what it
/// queues and what it reports, for each way a request or a notification can fall short.
/// </summary>
public sealed class NotificationIntakeTests : IAsyncLifetime
{
    private const string TenantId = "7d9a1c2e-0000-4000-8000-000000000001";
    private const string ClientState = "intake-client-state";
    private const string Mailbox = "3f1c2a9b-0000-4000-8000-0000000000a1";
    private const string OtherMailbox = "3f1c2a9b-0000-4000-8000-0000000000b2";
    private const string Subscription = "sub-1";
    private const string NoneValid = "No notification passed validation.";
    private const string StorageUnavailable = "Storage is unavailable; deliver again later.";

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));
    private readonly InMemorySubscriptionRegistry _registry = new();
    private readonly InMemoryWorkQueue _queue = new();
    private readonly RecordingTelemetry _telemetry = new();
    private readonly IntakeOptions _options = new();
    private NotificationIntake? _intake;

    public async Task InitializeAsync()
    {
        await _registry.SaveAsync(new MailboxSubscription(Mailbox, Subscription, _clock.GetUtcNow().AddDays(2)), CancellationToken.None);
        await _registry.SaveAsync(new MailboxSubscription(OtherMailbox, "sub-2", _clock.GetUtcNow().AddDays(2)), CancellationToken.None);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private NotificationIntake Intake => _intake ??= NewIntake(_queue);

    [Fact]
    public async Task HandleNotifications_ValidationToken_EchoesItAsPlainTextAndQueuesNothing()
    {
        var response = await Intake.HandleNotificationsAsync("token+/=", null, Body(Message()), CancellationToken.None);

        Assert.Equal(new WebhookResponse(200, "token+/=", "text/plain"), response);
        Assert.Empty(_queue.Drain<ScanRequest>(WorkQueueNames.ScanRequests));
        Assert.Empty(Rejections());
    }

    [Fact]
    public async Task HandleLifecycle_ValidationToken_EchoesIt()
    {
        var response = await Intake.HandleLifecycleAsync("lifecycle-token", "application/json", Body(), CancellationToken.None);

        Assert.Equal(new WebhookResponse(200, "lifecycle-token"), response);
    }

    [Fact]
    public async Task HandleNotifications_ValidationTokenAtTheLimit_IsEchoed()
    {
        _options.MaxValidationTokenChars = 8;

        var response = await Intake.HandleNotificationsAsync("12345678", null, Body(), CancellationToken.None);

        Assert.Equal(new WebhookResponse(200, "12345678"), response);
    }

    [Fact]
    public async Task HandleNotifications_ValidationTokenOneOverTheLimit_Is400AndReported()
    {
        _options.MaxValidationTokenChars = 8;

        var response = await Intake.HandleNotificationsAsync("123456789", null, Body(), CancellationToken.None);

        Assert.Equal(new WebhookResponse(400, "Validation token longer than 8 characters."), response);
        AssertRejected("Validation token longer than 8 characters.", 1);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    [InlineData("text/application/json")]
    public async Task HandleNotifications_ContentTypeNotJson_Is415AndReported(string? contentType)
    {
        var response = await Intake.HandleNotificationsAsync(null, contentType, Body(Message()), CancellationToken.None);

        Assert.Equal(new WebhookResponse(415, "Content-Type must be application/json."), response);
        AssertRejected("Content-Type must be application/json.", 1);
        Assert.Empty(_queue.Drain<ScanRequest>(WorkQueueNames.ScanRequests));
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("Application/JSON; charset=utf-8")]
    public async Task HandleNotifications_JsonContentTypeInAnyCasingWithParameters_IsRead(string contentType)
    {
        var response = await Intake.HandleNotificationsAsync(null, contentType, Body(Message()), CancellationToken.None);

        Assert.Equal(WebhookResponse.Accepted(1), response);
    }

    [Fact]
    public async Task HandleNotifications_BodyExactlyAtTheCap_IsRead()
    {
        var body = Bytes(Message());
        _options.MaxBodyBytes = body.Length;

        var response = await PostAsync(body);

        Assert.Equal(WebhookResponse.Accepted(1), response);
    }

    [Fact]
    public async Task HandleNotifications_BodyOneByteOverTheCap_Is413AndReported()
    {
        var body = Bytes(Message());
        _options.MaxBodyBytes = body.Length - 1;

        var response = await PostAsync(body);

        Assert.Equal(new WebhookResponse(413, $"Body exceeds {body.Length - 1} bytes."), response);
        AssertRejected($"Body exceeds {body.Length - 1} bytes.", 1);
        Assert.Empty(_queue.Drain<ScanRequest>(WorkQueueNames.ScanRequests));
    }

    [Fact]
    public async Task HandleNotifications_BodyOverTheCapOnlyInALaterRead_Is413()
    {
        var body = Bytes(Padded(Message(), 40_000));
        _options.MaxBodyBytes = 30_000;

        var response = await PostAsync(body);

        Assert.Equal(413, response.StatusCode);
    }

    [Fact]
    public async Task HandleNotifications_BodyReadInSeveralParts_IsReadWhole()
    {
        var body = Bytes(Padded(Message("msg-large"), 40_000));

        var response = await PostAsync(body);

        Assert.Equal(WebhookResponse.Accepted(1), response);
        Assert.Equal("msg-large", Assert.Single(_queue.Drain<ScanRequest>(WorkQueueNames.ScanRequests)).MessageId);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"value":{}}""")]
    [InlineData("")]
    public async Task HandleNotifications_BodyNotANotificationCollection_Is400AndReported(string body)
    {
        var response = await PostAsync(Encoding.UTF8.GetBytes(body));

        Assert.Equal(new WebhookResponse(400, "Body is not a notification collection."), response);
        AssertRejected("Body is not a notification collection.", 1);
    }

    [Fact]
    public async Task HandleNotifications_ValidMessage_QueuesOneScanRequestStampedNow()
    {
        var response = await PostAsync(Message());

        Assert.Equal(new WebhookResponse(202, "1 queued"), response);
        Assert.Equal([new ScanRequest(Mailbox, "msg-1", Subscription, _clock.GetUtcNow())], _queue.Drain<ScanRequest>(WorkQueueNames.ScanRequests));
        Assert.Empty(Rejections());
    }

    [Fact]
    public async Task HandleNotifications_TwoMessagesOfOneMailbox_QueuesBoth()
    {
        var response = await PostAsync(Message("msg-1"), Message("msg-2"));

        Assert.Equal(WebhookResponse.Accepted(2), response);
        Assert.Equal(["msg-1", "msg-2"], MessagesQueued().Order());
    }

    [Fact]
    public async Task HandleNotifications_SameMessageIdInTwoMailboxes_QueuesBoth()
    {
        var response = await PostAsync(Message("msg-1"), Message("msg-1", OtherMailbox, "sub-2"));

        Assert.Equal(WebhookResponse.Accepted(2), response);
        Assert.Equal([Mailbox, OtherMailbox], _queue.Drain<ScanRequest>(WorkQueueNames.ScanRequests).Select(s => s.MailboxId).Order());
    }

    [Fact]
    public async Task HandleNotifications_EmptyCollection_Is202WithNothingQueuedAndNothingReported()
    {
        var response = await PostAsync();

        Assert.Equal(WebhookResponse.Accepted(0), response);
        Assert.Empty(Rejections());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("wrong")]
    [InlineData("intake-client-stat")]
    [InlineData("intake-client-state ")]
    [InlineData("INTAKE-CLIENT-STATE")]
    public async Task HandleNotifications_ClientStateNotOurs_Is400AndQueuesNothing(string? clientState)
    {
        var response = await PostAsync(Message().With("clientState", clientState));

        Assert.Equal(new WebhookResponse(400, NoneValid), response);
        Assert.Empty(MessagesQueued());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("7d9a1c2e-0000-4000-8000-000000000002")]
    public async Task HandleNotifications_OtherTenant_Is400(string? tenantId)
    {
        var response = await PostAsync(Message().With("tenantId", tenantId));

        Assert.Equal(new WebhookResponse(400, NoneValid), response);
        Assert.Empty(MessagesQueued());
    }

    [Fact]
    public async Task HandleNotifications_OurTenantInUpperCase_IsQueued()
    {
        var response = await PostAsync(Message().With("tenantId", TenantId.ToUpperInvariant()));

        Assert.Equal(WebhookResponse.Accepted(1), response);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("sub-unknown")]
    [InlineData("SUB-1")]
    public async Task HandleNotifications_SubscriptionNotOurs_Is400(string? subscriptionId)
    {
        var response = await PostAsync(Message().With("subscriptionId", subscriptionId));

        Assert.Equal(new WebhookResponse(400, NoneValid), response);
        Assert.Empty(MessagesQueued());
    }

    [Fact]
    public async Task HandleNotifications_ExpiredSubscription_Is400()
    {
        _clock.Advance(TimeSpan.FromDays(2));

        var response = await PostAsync(Message());

        Assert.Equal(new WebhookResponse(400, NoneValid), response);
    }

    [Fact]
    public async Task HandleNotifications_ReplacedSubscription_Is400()
    {
        await _registry.SaveAsync(new MailboxSubscription(Mailbox, "sub-1-recreated", _clock.GetUtcNow().AddDays(2)), CancellationToken.None);

        var response = await PostAsync(Message());

        Assert.Equal(new WebhookResponse(400, NoneValid), response);
    }

    [Fact]
    public async Task HandleNotifications_MailboxNotTheSubscriptions_Is400()
    {
        // The client state alone must not let whoever learnt it queue scans of another mailbox.
        var response = await PostAsync(Message("msg-1", OtherMailbox, Subscription));

        Assert.Equal(new WebhookResponse(400, NoneValid), response);
        Assert.Empty(MessagesQueued());
    }

    [Fact]
    public async Task HandleNotifications_SubscriptionsMailboxInUpperCase_IsQueued()
    {
        var response = await PostAsync(Message("msg-1", Mailbox.ToUpperInvariant(), Subscription));

        Assert.Equal(WebhookResponse.Accepted(1), response);
        Assert.Equal(["msg-1"], MessagesQueued());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("updated")]
    [InlineData("deleted")]
    [InlineData("Created")]
    public async Task HandleNotifications_ChangeTypeOtherThanCreated_Is400(string? changeType)
    {
        var response = await PostAsync(Message().With("changeType", changeType));

        Assert.Equal(new WebhookResponse(400, NoneValid), response);
        Assert.Empty(MessagesQueued());
    }

    [Fact]
    public async Task HandleNotifications_NoResource_Is400()
    {
        var response = await PostAsync(Message().With("resource", null));

        Assert.Equal(new WebhookResponse(400, NoneValid), response);
    }

    [Fact]
    public async Task HandleNotifications_MessageIdOutsideGraphsAlphabet_Is400()
    {
        var response = await PostAsync(Message().With("resourceData", new Dictionary<string, string> { ["id"] = "../msg-1" }));

        Assert.Equal(new WebhookResponse(400, NoneValid), response);
    }

    [Fact]
    public async Task HandleNotifications_LifecycleNotification_IsNotAMessageNotification()
    {
        var response = await PostAsync(Lifecycle("missed"));

        Assert.Equal(new WebhookResponse(400, NoneValid), response);
        Assert.Empty(_queue.Drain<SubscriptionEvent>(WorkQueueNames.SubscriptionEvents));
    }

    [Fact]
    public async Task HandleNotifications_SomeRejected_QueuesTheRestAndReportsHowMany()
    {
        var response = await PostAsync(Message("msg-1"), Message("msg-2").With("clientState", "wrong"), Message("msg-3"));

        Assert.Equal(new WebhookResponse(202, "2 queued"), response);
        Assert.Equal(["msg-1", "msg-3"], MessagesQueued().Order());
        AssertRejected("1 of 3 notifications failed validation", 1);
    }

    [Fact]
    public async Task HandleNotifications_AllRejected_Is400AndReportsEveryOne()
    {
        var response = await PostAsync(Message().With("tenantId", "other"), Message().With("changeType", "updated"));

        Assert.Equal(new WebhookResponse(400, NoneValid), response);
        AssertRejected("2 of 2 notifications failed validation", 2);
    }

    [Fact]
    public async Task HandleNotifications_EntryThatIsNotAnObject_IsRejectedWithTheOthersQueued()
    {
        var body = Encoding.UTF8.GetBytes($$"""{"value":[42,{{JsonSerializer.Serialize(Message())}}]}""");

        var response = await PostAsync(body);

        Assert.Equal(WebhookResponse.Accepted(1), response);
        AssertRejected("1 of 2 notifications failed validation", 1);
    }

    [Fact]
    public async Task HandleNotifications_RepeatWithinTheWindow_IsAcceptedButNotQueuedAgain()
    {
        _options.DuplicateWindow = TimeSpan.FromMinutes(10);
        await PostAsync(Message());
        _clock.Advance(TimeSpan.FromMinutes(9));

        var response = await PostAsync(Message());

        Assert.Equal(WebhookResponse.Accepted(0), response);
        Assert.Equal(["msg-1"], MessagesQueued());
        Assert.Empty(Rejections());
    }

    // The user moves a message out of Junk, which the scan left alone: the notification for its new version is scanned.
    [Fact]
    public async Task HandleNotifications_NewVersionWithinTheWindow_IsQueuedAgain()
    {
        _options.DuplicateWindow = TimeSpan.FromMinutes(10);
        await PostAsync(Message().With("resourceData", new Dictionary<string, string> { ["id"] = "msg-1", ["@odata.etag"] = "W/\"CQAAAB1\"" }));
        _clock.Advance(TimeSpan.FromMinutes(2));

        var repeat = await PostAsync(Message().With("resourceData", new Dictionary<string, string> { ["id"] = "msg-1", ["@odata.etag"] = "W/\"CQAAAB1\"" }));
        var moved = await PostAsync(Message().With("resourceData", new Dictionary<string, string> { ["id"] = "msg-1", ["@odata.etag"] = "W/\"CQAAAB2\"" }));

        Assert.Equal((WebhookResponse.Accepted(0), WebhookResponse.Accepted(1)), (repeat, moved));
        Assert.Equal(["msg-1", "msg-1"], MessagesQueued());
    }

    [Fact]
    public async Task HandleNotifications_RepeatInOneRequest_IsQueuedOnce()
    {
        var response = await PostAsync(Message(), Message());

        Assert.Equal(WebhookResponse.Accepted(1), response);
        Assert.Equal(["msg-1"], MessagesQueued());
    }

    [Fact]
    public async Task HandleNotifications_RepeatAfterTwoWindows_IsQueuedAgain()
    {
        _options.DuplicateWindow = TimeSpan.FromMinutes(10);
        await PostAsync(Message());
        _clock.Advance(TimeSpan.FromMinutes(20));

        var response = await PostAsync(Message());

        Assert.Equal(WebhookResponse.Accepted(1), response);
        Assert.Equal(["msg-1", "msg-1"], MessagesQueued());
    }

    [Fact]
    public async Task HandleNotifications_EnqueueFails_Is503AndTheRedeliveryIsQueued()
    {
        var failing = new FailingOnceQueue(_queue);
        _intake = NewIntake(failing);

        var failed = await PostAsync(Message());
        var redelivered = await PostAsync(Message());

        Assert.Equal(new WebhookResponse(503, StorageUnavailable), failed);
        Assert.Equal(WebhookResponse.Accepted(1), redelivered);
        Assert.Equal(["msg-1"], MessagesQueued());
    }

    [Fact]
    public async Task HandleNotifications_StorageSlowerThanTheBudget_Is503()
    {
        _options.StorageBudget = TimeSpan.FromMilliseconds(50);
        _intake = NewIntake(new HangingQueue());
        // Far past the budget: were the budget not kept, the caller's own deadline would fail the test, not hang it.
        using var caller = new CancellationTokenSource(TimeSpan.FromSeconds(20));

        var response = await Intake.HandleNotificationsAsync(null, "application/json", Body(Message()), caller.Token);

        Assert.Equal(new WebhookResponse(503, StorageUnavailable), response);
        Assert.False(caller.IsCancellationRequested);
    }

    [Fact]
    public async Task HandleNotifications_CallerGivesUpWhileStorageIsSlow_ThrowsInsteadOfAnswering()
    {
        _options.StorageBudget = TimeSpan.FromMinutes(5);
        var queue = new HangingQueue();
        _intake = NewIntake(queue);
        using var caller = new CancellationTokenSource();
        var handling = Intake.HandleNotificationsAsync(null, "application/json", Body(Message()), caller.Token);
        await queue.Entered;

        await caller.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => handling);
        Assert.Empty(Rejections());
    }

    [Theory]
    [InlineData("reauthorizationRequired", SubscriptionEventKind.ReauthorizationRequired)]
    [InlineData("subscriptionRemoved", SubscriptionEventKind.SubscriptionRemoved)]
    [InlineData("missed", SubscriptionEventKind.Missed)]
    public async Task HandleLifecycle_EachKind_QueuesOneSubscriptionEvent(string lifecycleEvent, SubscriptionEventKind kind)
    {
        var response = await Intake.HandleLifecycleAsync(null, "application/json", Body(Lifecycle(lifecycleEvent)), CancellationToken.None);

        Assert.Equal(new WebhookResponse(202, "1 queued"), response);
        Assert.Equal([new SubscriptionEvent(null, Subscription, kind)], _queue.Drain<SubscriptionEvent>(WorkQueueNames.SubscriptionEvents));
        Assert.Empty(_queue.Drain<ScanRequest>(WorkQueueNames.ScanRequests));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Missed")]
    [InlineData("resync")]
    [InlineData("renewalRequired")]
    public async Task HandleLifecycle_UnknownKind_Is400AndQueuesNothing(string? lifecycleEvent)
    {
        var response = await Intake.HandleLifecycleAsync(null, "application/json", Body(Lifecycle("missed").With("lifecycleEvent", lifecycleEvent)), CancellationToken.None);

        Assert.Equal(new WebhookResponse(400, NoneValid), response);
        Assert.Empty(_queue.Drain<SubscriptionEvent>(WorkQueueNames.SubscriptionEvents));
        AssertRejected("1 of 1 notifications failed validation", 1);
    }

    [Theory]
    [InlineData("subscriptionId", null)]
    [InlineData("subscriptionId", "sub-unknown")]
    [InlineData("clientState", "wrong")]
    [InlineData("tenantId", "other")]
    public async Task HandleLifecycle_NotOneOfOurs_Is400(string field, string? value)
    {
        var response = await Intake.HandleLifecycleAsync(null, "application/json", Body(Lifecycle("subscriptionRemoved").With(field, value)), CancellationToken.None);

        Assert.Equal(new WebhookResponse(400, NoneValid), response);
        Assert.Empty(_queue.Drain<SubscriptionEvent>(WorkQueueNames.SubscriptionEvents));
    }

    [Fact]
    public async Task HandleLifecycle_SomeRejected_QueuesTheRest()
    {
        var response = await Intake.HandleLifecycleAsync(null, "application/json", Body(Lifecycle("missed"), Lifecycle("bogus"), Lifecycle("missed").With("subscriptionId", "sub-2")), CancellationToken.None);

        Assert.Equal(WebhookResponse.Accepted(2), response);
        Assert.Equal(["sub-1", "sub-2"], _queue.Drain<SubscriptionEvent>(WorkQueueNames.SubscriptionEvents).Select(e => e.SubscriptionId).Order());
        AssertRejected("1 of 3 notifications failed validation", 1);
    }

    [Fact]
    public async Task HandleLifecycle_ContentTypeNotJson_Is415()
    {
        var response = await Intake.HandleLifecycleAsync(null, "text/plain", Body(Lifecycle("missed")), CancellationToken.None);

        Assert.Equal(415, response.StatusCode);
        Assert.Empty(_queue.Drain<SubscriptionEvent>(WorkQueueNames.SubscriptionEvents));
    }

    private NotificationIntake NewIntake(IWorkQueue queue) => new(
        queue,
        new KnownSubscriptions(_registry, _clock),
        Options.Create(new TenantOptions { TenantId = TenantId, ClientState = ClientState }),
        Options.Create(_options),
        _telemetry,
        _clock,
        NullLogger<NotificationIntake>.Instance);

    private Task<WebhookResponse> PostAsync(params Notification[] notifications) => PostAsync(Bytes(notifications));

    private Task<WebhookResponse> PostAsync(byte[] body) =>
        Intake.HandleNotificationsAsync(null, "application/json", new MemoryStream(body), CancellationToken.None);

    private List<string> MessagesQueued() => [.. _queue.Drain<ScanRequest>(WorkQueueNames.ScanRequests).Select(s => s.MessageId)];

    private IReadOnlyList<IReadOnlyDictionary<string, string>> Rejections() => _telemetry.Events(PipelineEvents.WebhookRejected);

    private void AssertRejected(string reason, int count)
    {
        var rejection = Assert.Single(Rejections());
        Assert.Equal(reason, rejection[PipelineEventProperties.Reason]);
        Assert.Equal(count.ToString(System.Globalization.CultureInfo.InvariantCulture), rejection[PipelineEventProperties.Count]);
    }

    private static Notification Message(string messageId = "msg-1", string mailbox = Mailbox, string subscriptionId = Subscription) => new()
    {
        ["subscriptionId"] = subscriptionId,
        ["clientState"] = ClientState,
        ["tenantId"] = TenantId,
        ["changeType"] = "created",
        ["resource"] = $"Users/{mailbox}/Messages/{messageId}",
    };

    private static Notification Lifecycle(string lifecycleEvent) => new()
    {
        ["subscriptionId"] = Subscription,
        ["clientState"] = ClientState,
        ["tenantId"] = TenantId,
        ["lifecycleEvent"] = lifecycleEvent,
    };

    // An unread field makes the body as long as asked, so that it spans several reads.
    private static Notification Padded(Notification notification, int length) => notification.With("padding", new string('x', length));

    private static byte[] Bytes(params Notification[] notifications) => JsonSerializer.SerializeToUtf8Bytes(new { value = notifications });

    private static MemoryStream Body(params Notification[] notifications) => new(Bytes(notifications));

    /// <summary>One notification's fields as Graph posts them; a null field is sent as JSON null, which the parser reads as absent.</summary>
    private sealed class Notification : Dictionary<string, object?>
    {
        public Notification With(string field, object? value)
        {
            var copy = new Notification();
            foreach (var (key, existing) in this) copy[key] = existing;
            copy[field] = value;
            return copy;
        }
    }

    /// <summary>Storage refusing the first write, then writing to the twin.</summary>
    private sealed class FailingOnceQueue(IWorkQueue inner) : IWorkQueue
    {
        private int _calls;

        public Task EnqueueAsync<T>(string queueName, T message, CancellationToken cancellationToken) =>
            Interlocked.Increment(ref _calls) == 1
                ? Task.FromException(new InvalidOperationException("The queue service refused the write."))
                : inner.EnqueueAsync(queueName, message, cancellationToken);

        public Task EnqueueAsync<T>(string queueName, T message, TimeSpan visibleAfter, CancellationToken cancellationToken) => inner.EnqueueAsync(queueName, message, visibleAfter, cancellationToken);

        public Task<int> ApproximateCountAsync(string queueName, CancellationToken cancellationToken) => inner.ApproximateCountAsync(queueName, cancellationToken);
    }

    /// <summary>Storage that never answers: only the token ends a write.</summary>
    private sealed class HangingQueue : IWorkQueue
    {
        private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Completes once a write waits, so a test cancels while storage is slow rather than before it is called.</summary>
        public Task Entered => _entered.Task;

        public Task EnqueueAsync<T>(string queueName, T message, CancellationToken cancellationToken)
        {
            _entered.TrySetResult();
            return Task.Delay(Timeout.Infinite, cancellationToken);
        }

        public Task EnqueueAsync<T>(string queueName, T message, TimeSpan visibleAfter, CancellationToken cancellationToken) => EnqueueAsync(queueName, message, cancellationToken);

        public Task<int> ApproximateCountAsync(string queueName, CancellationToken cancellationToken) => Task.FromResult(0);
    }
}
