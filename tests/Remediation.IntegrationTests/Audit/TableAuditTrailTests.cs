using Remediation.Core.Audit;
using Remediation.Infrastructure.Storage;
using Remediation.IntegrationTests.Fixtures;

namespace Remediation.IntegrationTests.Audit;

/// <summary>The audit trail in Table storage (Azurite), where claims race through inserts and ETags.</summary>
public sealed class TableAuditTrailTests(AzuriteFixture azurite) : AuditTrailContract, IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private IAuditTrail _audit = null!;

    protected override IAuditTrail Audit => _audit;

    public async Task InitializeAsync()
    {
        var tables = await azurite.ProvisionedTablesAsync();
        _audit = new TableAuditTrail(tables);
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
