using Remediation.Core.Compromise;

namespace Remediation.IntegrationTests.Compromise;

public sealed class InMemoryCompromiseLedgerTests : CompromiseLedgerContract
{
    private readonly InMemoryCompromiseLedger _ledger = new();

    protected override ICompromiseLedger Ledger => _ledger;

    protected override Task<IReadOnlyList<RecordedResponse>> ResponsesAsync(string mailboxId) => Task.FromResult(_ledger.Responses(mailboxId));

    protected override Task<IReadOnlyList<RecordedRevocation>> RevocationsAsync(string mailboxId) => Task.FromResult(_ledger.Revocations(mailboxId));
}
