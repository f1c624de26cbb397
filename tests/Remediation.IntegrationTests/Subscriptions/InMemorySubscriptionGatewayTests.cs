using Remediation.Core.Subscriptions;

namespace Remediation.IntegrationTests.Subscriptions;

public sealed class InMemorySubscriptionGatewayTests : SubscriptionGatewayContract
{
    private readonly InMemorySubscriptionGateway _graph;

    public InMemorySubscriptionGatewayTests() => _graph = new InMemorySubscriptionGateway(Clock);

    protected override ISubscriptionGateway Gateway => _graph;

    protected override string NotificationUrl => "https://remediation.contoso.example/api/notifications?code=k1";

    protected override string LifecycleNotificationUrl => "https://remediation.contoso.example/api/lifecycle?code=k1";

    protected override string AddMailbox(bool reachable = true) => _graph.AddMailbox(reachable);

    protected override Task<string> AddFolderAsync(string mailboxId, string displayName, string? parentFolderId = null, bool hidden = false) =>
        Task.FromResult(_graph.AddFolder(mailboxId, displayName, parentFolderId, hidden));

    protected override string FolderId(string mailboxId, string wellKnownName) => _graph.FolderId(mailboxId, wellKnownName);

    protected override string AddMessage(string mailboxId, string folderId, DateTimeOffset receivedAt) => _graph.AddMessage(mailboxId, folderId, receivedAt);

    protected override GraphSubscription? FindLiveSubscription(string subscriptionId) => _graph.LiveSubscriptions.SingleOrDefault(s => s.Id == subscriptionId);

    protected override Task RemoveSubscriptionAsync(string subscriptionId)
    {
        Assert.True(_graph.RemoveSubscription(subscriptionId));
        return Task.CompletedTask;
    }
}
