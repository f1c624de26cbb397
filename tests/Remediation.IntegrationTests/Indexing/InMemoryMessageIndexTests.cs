using Remediation.Core.Indexing;

namespace Remediation.IntegrationTests.Indexing;

public sealed class InMemoryMessageIndexTests : MessageIndexContract
{
    protected override IMessageIndex Index { get; } = new InMemoryMessageIndex();
}
