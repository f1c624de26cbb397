using Microsoft.Extensions.DependencyInjection;
using Remediation.Core.Telemetry;
using Remediation.IntegrationTests.Fixtures;
using Remediation.TenantSimulator;
using Remediation.Testing;

namespace Remediation.IntegrationTests.Remediation;

/// <summary>
/// Functions replaces its instances at will: a campaign after every instance was replaced finds what the earlier
/// ones kept in storage, and asks Graph for nothing they already learnt.
/// </summary>
public sealed class InstanceRestartTests : IAsyncLifetime
{
    private const string Domain = "contoso.example";
    private const int Mailboxes = 20;
    private const string MakeFolder = "POST /v1.0/users/{user}/mailFolders";
    private const string ListFolders = "GET /v1.0/users/{user}/mailFolders";
    private readonly RecordingTelemetry _telemetry = new();
    private LocalTenant _tenant = null!;

    public async Task InitializeAsync() => _tenant = await LocalTenant.StartAsync(new LocalTenantOptions
    {
        Mailboxes = [.. Enumerable.Range(0, Mailboxes).Select(i => (User(i), $"User {i}"))],
        Settings = new Dictionary<string, string?> { ["Detection:BlockedUrlDomains:0"] = SampleMail.PhishingDomain },
        ConfigureServices = services => services.AddSingleton<IPipelineTelemetry>(_telemetry),
    });

    public async Task DisposeAsync() => await _tenant.DisposeAsync();

    [Fact]
    public async Task Campaign_AfterEveryInstanceWasReplaced_QuarantinesInTheFoldersMadeBeforeWithoutAskingForThem()
    {
        var recipients = Enumerable.Range(0, Mailboxes).Select(User).ToArray();
        var first = await RemediatedAsync(SampleMail.CredentialPhish(Domain, recipients));
        // Two jobs racing for one mailbox may both ask for its folder (Graph refuses the second, which then looks it
        // up): what counts is that nothing is asked after the restart.
        var askedBefore = FolderRequests();
        Assert.True(askedBefore.Made >= Mailboxes, $"{askedBefore.Made} folders made for {Mailboxes} mailboxes");

        await _tenant.RestartHostsAsync(CancellationToken.None);
        var second = await RemediatedAsync(SampleMail.SharedDocumentPhish(Domain, recipients));

        Assert.Equal(askedBefore, FolderRequests());
        Assert.Equal(first.Select(FolderIdOf), second.OrderBy(c => first.FindIndex(f => f.MailboxId == c.MailboxId)).Select(FolderIdOf));
    }

    private (long Made, long Listed) FolderRequests()
    {
        var kinds = _tenant.Simulator.Metrics.RequestsByKind;
        return (kinds.GetValueOrDefault(MakeFolder), kinds.GetValueOrDefault(ListFolders));
    }

    private async Task<List<DeliveredMessage>> RemediatedAsync(string mime)
    {
        var copies = _tenant.Simulator.Tenant.DeliverThroughTransport(mime).ToList();
        await Eventually.AssertAsync(() => _tenant.AllIn(copies, "(custom)"), () => $"{copies.Count(c => _tenant.FolderOf(c) == "inbox")} copies still in an Inbox", TimeSpan.FromSeconds(120));
        return copies;
    }

    private string FolderIdOf(DeliveredMessage copy) => _tenant.Simulator.Tenant.FindMessage(copy.MailboxId, copy.ImmutableId)!.FolderId;

    private static string User(int i) => $"user{i:D2}";
}
