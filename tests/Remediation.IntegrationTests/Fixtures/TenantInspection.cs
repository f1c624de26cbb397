using Azure.Data.Tables;
using Azure.Storage.Queues;
using Remediation.Core.Audit;
using Remediation.Core.Queues;
using Remediation.Infrastructure.Storage;
using Remediation.TenantSimulator;
using Remediation.Testing;

namespace Remediation.IntegrationTests.Fixtures;

/// <summary>Reads what the pipeline left behind: where each copy sits, the audit trail it wrote, what waits in its queues.</summary>
internal static class TenantInspection
{
    public static string? FolderOf(this LocalTenant tenant, DeliveredMessage copy) =>
        tenant.Simulator.Tenant.FindMessage(copy.MailboxId, copy.ImmutableId)?.FolderWellKnownName ?? "(custom)";

    public static bool AllIn(this LocalTenant tenant, IEnumerable<DeliveredMessage> copies, string folder) =>
        copies.All(copy => tenant.FolderOf(copy) == folder);

    public static bool NoneIn(this LocalTenant tenant, IEnumerable<DeliveredMessage> copies, string folder) =>
        copies.All(copy => tenant.FolderOf(copy) != folder);

    public static Task<IReadOnlyList<AuditRecord>> AuditAsync(this LocalTenant tenant, string campaignId) =>
        new TableAuditTrail(new TableServiceClient(tenant.AzuriteConnectionString)).ListAsync(campaignId, null, CancellationToken.None);

    public static int QueueLength(this LocalTenant tenant, string queueName) =>
        new QueueClient(tenant.AzuriteConnectionString, queueName).GetProperties().Value.ApproximateMessagesCount;

    /// <summary>Nothing waits in any stage's queue: the pipeline has settled.</summary>
    public static bool WorkQueuesEmpty(this LocalTenant tenant) => WorkQueueNames.All.All(name => tenant.QueueLength(name) == 0);

    /// <summary>
    /// Waits for the positive sign that nothing more will happen until the tenant changes: no notification in flight
    /// and no work waiting or being handled in any queue (a message being handled stays counted until it is done, and
    /// its follow-up is queued before), seen on three polls in a row. "Nothing else happens" checks follow this.
    /// </summary>
    public static Task SettledAsync(this LocalTenant tenant, TimeSpan? timeout = null)
    {
        var quietPolls = 0;
        return Eventually.AssertAsync(
            () => (tenant.Simulator.Metrics.NotificationsInFlight == 0 && tenant.WorkQueuesEmpty() ? ++quietPolls : quietPolls = 0) >= 3,
            "the pipeline settles (no notification in flight, every work queue empty)", timeout);
    }

    /// <summary>Posts to a SOC endpoint of the local host with its admin key.</summary>
    public static async Task<HttpResponseMessage> PostAdminAsync(this LocalTenant tenant, string path)
    {
        using var http = new HttpClient { BaseAddress = tenant.Host.BaseAddress };
        return await http.PostAsync($"{path}{(path.Contains('?', StringComparison.Ordinal) ? '&' : '?')}code={Uri.EscapeDataString(tenant.Host.AdminKey)}", null);
    }
}
