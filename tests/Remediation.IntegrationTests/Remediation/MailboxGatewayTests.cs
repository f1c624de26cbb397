using Microsoft.Extensions.DependencyInjection;
using Remediation.Testing;
using Remediation.Core.Mailboxes;
using WellKnownFolders = Remediation.Core.Mailboxes.WellKnownFolders;
using Remediation.IntegrationTests.Fixtures;
using Remediation.TenantSimulator;

namespace Remediation.IntegrationTests.Remediation;

/// <summary>The Graph mailbox gateway's move, read from Graph's answer by hand rather than through the SDK's model.</summary>
public sealed class MailboxGatewayTests : IAsyncLifetime
{
    private const string Domain = "contoso.example";
    private LocalTenant _tenant = null!;

    public async Task InitializeAsync() => _tenant = await LocalTenant.StartAsync(new LocalTenantOptions
    {
        Mailboxes = [("alice", "Alice"), ("bob", "Bob")],
        Simulator = new SimulatorOptions { TenantDomain = Domain },
    });

    public async Task DisposeAsync() => await _tenant.DisposeAsync();

    private IMailboxGateway Gateway => _tenant.Host.Services.GetRequiredService<IMailboxGateway>();

    [Fact]
    public async Task Move_AMessage_LandsInTheFolderAndKeepsItsImmutableId()
    {
        var copy = _tenant.Simulator.Tenant.DeliverThroughTransport(SampleMail.Ordinary(Domain, 1, "bob", "alice"))[0];
        var junk = await Gateway.GetFolderIdAsync(copy.MailboxId, WellKnownFolders.JunkEmail, CancellationToken.None);

        var movedId = await Gateway.MoveAsync(copy.MailboxId, copy.ImmutableId, junk, CancellationToken.None);

        Assert.Equal(copy.ImmutableId, movedId);
        Assert.Equal("junkemail", _tenant.FolderOf(copy));
    }

    [Fact]
    public async Task Move_AMessageThatIsNotThere_ReturnsNullInsteadOfThrowing()
    {
        var mailbox = await Gateway.FindMailboxIdAsync($"alice@{Domain}", CancellationToken.None);
        var junk = await Gateway.GetFolderIdAsync(mailbox!, WellKnownFolders.JunkEmail, CancellationToken.None);

        Assert.Null(await Gateway.MoveAsync(mailbox!, "AAMkAGNvcHktdGhhdC1pcy1nb25l", junk, CancellationToken.None));
    }
}
