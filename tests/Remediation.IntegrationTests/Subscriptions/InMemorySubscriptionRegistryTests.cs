using Remediation.Core.Subscriptions;

namespace Remediation.IntegrationTests.Subscriptions;

public sealed class InMemorySubscriptionRegistryTests : SubscriptionRegistryContract
{
    protected override ISubscriptionRegistry Registry { get; } = new InMemorySubscriptionRegistry();
}
