using Remediation.Core.Mailboxes;
using Remediation.Infrastructure.Storage;
using Remediation.IntegrationTests.Fixtures;

namespace Remediation.IntegrationTests.Mailboxes;

/// <summary>The hidden folders' ids in Table storage (Azurite).</summary>
public sealed class TableHiddenFolderIdsTests(AzuriteFixture azurite) : HiddenFolderIdsContract, IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private IHiddenFolderIds _folders = null!;

    protected override IHiddenFolderIds Folders => _folders;

    public async Task InitializeAsync() => _folders = new TableHiddenFolderIds(await azurite.ProvisionedTablesAsync());

    public Task DisposeAsync() => Task.CompletedTask;
}
