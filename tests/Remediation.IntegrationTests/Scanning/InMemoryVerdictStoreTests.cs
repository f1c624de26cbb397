using Remediation.Core.Verdicts;

namespace Remediation.IntegrationTests.Scanning;

public sealed class InMemoryVerdictStoreTests : VerdictStoreContract
{
    private readonly InMemoryVerdictStore _store = new();

    protected override IVerdictStore Store => _store;

    protected override Task<VerdictRecord?> StoredAsync(string mailboxId, string messageId) => Task.FromResult(_store.Find(mailboxId, messageId));
}
