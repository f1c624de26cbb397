using Microsoft.Extensions.DependencyInjection;
using Remediation.Core.Queues;
using Remediation.Core.Telemetry;
using Remediation.IntegrationTests.Fixtures;
using Remediation.Testing;

namespace Remediation.IntegrationTests.Pipeline;

/// <summary>
/// Users' own traffic through a whole-mailbox subscription: meeting requests and responses in Inboxes, Sent Items
/// and Deleted Items, and Teams chat items whose MIME Graph cannot give. All of it is scanned (or, for chat, set aside)
/// without an error, a retry or a flag.
/// </summary>
public sealed class UserTrafficTests : IAsyncLifetime
{
    private const string Domain = "contoso.example";
    private readonly RecordingTelemetry _telemetry = new();
    private LocalTenant _tenant = null!;

    public async Task InitializeAsync() => _tenant = await LocalTenant.StartAsync(new LocalTenantOptions
    {
        Mailboxes = [("ana", "Ana"), ("ben", "Ben")],
        ConfigureServices = services => services.AddSingleton<IPipelineTelemetry>(_telemetry),
    });

    public async Task DisposeAsync() => await _tenant.DisposeAsync();

    [Fact]
    public async Task MeetingTrafficAndTeamsChat_AreHandledWithoutErrorOrFlag()
    {
        var tenant = _tenant.Simulator.Tenant;
        var (requestSent, invitations) = tenant.SendMeetingRequest($"ana@{Domain}", "Budget review", DateTimeOffset.UtcNow.AddDays(1), $"ben@{Domain}");
        var (responseSent, responses) = tenant.RespondToMeeting($"ben@{Domain}", Assert.Single(invitations).ImmutableId);
        var chat = tenant.PostTeamsChat($"ben@{Domain}", $"ana@{Domain}", "see you there");
        string[] mail = [requestSent.ImmutableId, invitations[0].ImmutableId, responseSent.ImmutableId, Assert.Single(responses).ImmutableId];

        await Eventually.AssertAsync(() => Scanned().Order().SequenceEqual(mail.Order()) && _tenant.WorkQueuesEmpty(),
            "the four meeting messages were scanned and the queues drained");

        Assert.All(_telemetry.Events(PipelineEvents.MessageScanned), e => Assert.Equal("Clean", e[PipelineEventProperties.Band]));
        Assert.DoesNotContain(chat.ImmutableId, Scanned());
        Assert.Empty(_telemetry.Events(PipelineEvents.MessageUnscannable));
        Assert.Empty(_telemetry.Events(PipelineEvents.MailboxCompromised));
        Assert.All(WorkQueueNames.All, name => Assert.Equal(0, _tenant.QueueLength(WorkQueueNames.PoisonOf(name))));
    }

    private IEnumerable<string> Scanned() => _telemetry.Events(PipelineEvents.MessageScanned).Select(e => e[PipelineEventProperties.MessageId]).Distinct();
}
