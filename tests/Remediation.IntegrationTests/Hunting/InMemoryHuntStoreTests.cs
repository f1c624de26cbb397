using Remediation.Core.Hunting;

namespace Remediation.IntegrationTests.Hunting;

public sealed class InMemoryHuntStoreTests : HuntStoreContract
{
    protected override IHuntStore Hunts { get; } = new InMemoryHuntStore();
}
