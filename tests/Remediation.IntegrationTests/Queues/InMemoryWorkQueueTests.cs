using Remediation.Core.Queues;

namespace Remediation.IntegrationTests.Queues;

public sealed class InMemoryWorkQueueTests : WorkQueueContract
{
    private readonly InMemoryWorkQueue _queue = new();

    protected override IWorkQueue Queue => _queue;

    protected override Task<IReadOnlyList<T>> ReceiveAllAsync<T>(string queueName) => Task.FromResult(_queue.Drain<T>(queueName));
}
