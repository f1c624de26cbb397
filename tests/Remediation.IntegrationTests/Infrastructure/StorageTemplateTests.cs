using Remediation.Core.Queues;
using Remediation.Infrastructure.Storage;

namespace Remediation.IntegrationTests.Infrastructure;

/// <summary>The storage account in the compiled template holds exactly the queues and tables the code uses.</summary>
public class StorageTemplateTests
{
    [Fact]
    public async Task Queues_WorkQueues_EachDeployedWithItsPoisonQueue()
    {
        var deployment = await CompiledDeployment.MainAsync();
        var expected = WorkQueueNames.All.SelectMany(q => new[] { q, WorkQueueNames.PoisonOf(q) });

        var queues = deployment.OfType("Microsoft.Storage/storageAccounts/queueServices/queues").Select(q => q.LeafName);

        Assert.Equal(expected.Order(StringComparer.Ordinal), queues.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Tables_TableNames_EachDeployed()
    {
        var deployment = await CompiledDeployment.MainAsync();

        var tables = deployment.OfType("Microsoft.Storage/storageAccounts/tableServices/tables").Select(t => t.LeafName);

        Assert.Equal(TableNames.All.Order(StringComparer.Ordinal), tables.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task StorageAccount_SharedKeyAccess_IsDisabled()
    {
        var deployment = await CompiledDeployment.MainAsync();

        var accounts = deployment.OfType("Microsoft.Storage/storageAccounts");

        Assert.NotEmpty(accounts);
        Assert.All(accounts, a => Assert.False(Assert.IsType<bool>(a.Property("properties", "allowSharedKeyAccess"))));
    }
}
