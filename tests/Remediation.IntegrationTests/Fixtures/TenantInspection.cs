using Azure.Data.Tables;
using Remediation.Cli.LocalRun;
using Remediation.Core.Audit;
using Remediation.Infrastructure.Storage;
using Remediation.TenantSimulator;

namespace Remediation.IntegrationTests.Fixtures;

/// <summary>Reads what the pipeline left behind: where each copy sits, and the audit trail it wrote.</summary>
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

    public static async Task<HttpResponseMessage> PostAdminAsync(this LocalTenant tenant, string path)
    {
        using var http = new HttpClient { BaseAddress = tenant.Host.BaseAddress };
        return await http.PostAsync(path, null);
    }
}
