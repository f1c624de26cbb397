using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Graph;
using Remediation.Core.Mailboxes;
using Remediation.Infrastructure.Graph;
using Remediation.IntegrationTests.Fixtures;
using Remediation.LocalHost;
using Remediation.TenantSimulator;
using WellKnownFolders = Remediation.Core.Mailboxes.WellKnownFolders;

namespace Remediation.IntegrationTests.Mailboxes;

/// <summary>The Graph gateway with the real Graph client, against the tenant simulator, whose tenant the tests arrange directly.</summary>
public sealed class GraphMailboxGatewayTests : MailboxGatewayContract, IAsyncLifetime
{
    private GraphSimulator _simulator = null!;
    private GraphServiceClient _graph = null!;
    private GraphMailboxGateway _gateway = null!;

    protected override IMailboxGateway Gateway => _gateway;

    private SimulatedTenant Tenant => _simulator.Tenant;

    public async Task InitializeAsync()
    {
        var options = new SimulatorOptions { TenantDomain = Domain };
        _simulator = await GraphSimulator.StartAsync(options);
        _graph = GraphClientBuilder.Build(new GraphOptions { BaseUrl = _simulator.GraphBaseUrl }, new StaticTokenCredential(options.AccessToken));
        _gateway = new GraphMailboxGateway(_graph, TimeProvider.System, NullLogger<GraphMailboxGateway>.Instance);
    }

    public async Task DisposeAsync()
    {
        _graph.Dispose();
        await _simulator.DisposeAsync();
    }

    [Fact]
    public async Task EnsureHiddenFolder_NewMailbox_CostsOneRequestAndNoneOnceKnown()
    {
        var mailbox = NewMailbox();

        var before = _simulator.Metrics.ForMailbox(mailbox).Requests;
        await Gateway.EnsureHiddenFolderAsync(mailbox, "Quarantine (security)", CancellationToken.None);
        await Gateway.EnsureHiddenFolderAsync(mailbox, "Quarantine (security)", CancellationToken.None);

        Assert.Equal(1, _simulator.Metrics.ForMailbox(mailbox).Requests - before);
    }

    [Fact]
    public async Task Locate_NewMailbox_IsOneRoundTripAndTheFolderIsHidden()
    {
        var (mailbox, messageId, internetMessageId) = Delivered();

        var before = _simulator.Metrics.ForMailbox(mailbox);
        var answer = await Gateway.LocateAsync(mailbox, new CopyQuery([messageId], [$"<{internetMessageId}>"], "Quarantine (security)"), CancellationToken.None);
        var after = _simulator.Metrics.ForMailbox(mailbox);

        Assert.Equal((3, 1), (after.Requests - before.Requests, after.RoundTrips - before.RoundTrips));
        Assert.True((await _graph.Users[mailbox].MailFolders[answer.HiddenFolderId].GetAsync())?.IsHidden);
    }

    [Fact]
    public async Task Locate_FolderAnotherInstanceMade_IsTwoRoundTripsAndFindsThatFolder()
    {
        var (mailbox, _, internetMessageId) = Delivered();
        var made = await Gateway.EnsureHiddenFolderAsync(mailbox, "Quarantine (security)", CancellationToken.None);
        // A new instance of the Function App knows no folder yet.
        var fresh = new GraphMailboxGateway(_graph, TimeProvider.System, NullLogger<GraphMailboxGateway>.Instance);

        var before = _simulator.Metrics.ForMailbox(mailbox);
        var answer = await fresh.LocateAsync(mailbox, new CopyQuery([], [$"<{internetMessageId}>"], "Quarantine (security)"), CancellationToken.None);
        var after = _simulator.Metrics.ForMailbox(mailbox);

        Assert.Equal(made, answer.HiddenFolderId);
        Assert.Equal((3, 2), (after.Requests - before.Requests, after.RoundTrips - before.RoundTrips));
    }

    [Fact]
    public async Task Locate_FolderTheCallerKnows_OnAFreshInstanceAsksOnlyTheQuestions()
    {
        var (mailbox, messageId, internetMessageId) = Delivered();
        var made = await Gateway.EnsureHiddenFolderAsync(mailbox, "Quarantine (security)", CancellationToken.None);
        var fresh = new GraphMailboxGateway(_graph, TimeProvider.System, NullLogger<GraphMailboxGateway>.Instance);

        var before = _simulator.Metrics.ForMailbox(mailbox);
        var answer = await fresh.LocateAsync(mailbox, new CopyQuery([messageId], [$"<{internetMessageId}>"], "Quarantine (security)", made), CancellationToken.None);
        var after = _simulator.Metrics.ForMailbox(mailbox);

        Assert.Equal(made, answer.HiddenFolderId);
        Assert.Equal((2, 1), (after.Requests - before.Requests, after.RoundTrips - before.RoundTrips));
    }

    [Fact]
    public async Task EnsureHiddenFolder_NameHeldByAVisibleFolder_SaysSoOnceAndAFreshInstanceFindsTheHiddenOneMadeBeside()
    {
        var mailbox = NewMailbox();
        AddFolder(mailbox, "Quarantine (security)");
        using var logs = new CapturedLogs();
        using var factory = LoggerFactory.Create(logging => logging.AddProvider(logs));
        var made = await new GraphMailboxGateway(_graph, TimeProvider.System, factory.CreateLogger<GraphMailboxGateway>())
            .EnsureHiddenFolderAsync(mailbox, "Quarantine (security)", CancellationToken.None);
        var fresh = new GraphMailboxGateway(_graph, TimeProvider.System, factory.CreateLogger<GraphMailboxGateway>());

        Assert.Equal(made, await fresh.EnsureHiddenFolderAsync(mailbox, "Quarantine (security)", CancellationToken.None));
        var warning = Assert.Single(logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal));
        Assert.Contains($"Mailbox {mailbox} has a folder its user sees named Quarantine (security)", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Locate_NameHeldByAVisibleFolder_AnswersAHiddenFolderMadeBeside()
    {
        var (mailbox, messageId, internetMessageId) = Delivered();
        var visible = AddFolder(mailbox, "Quarantine (security)");

        var answer = await Gateway.LocateAsync(mailbox, new CopyQuery([messageId], [$"<{internetMessageId}>"], "Quarantine (security)"), CancellationToken.None);

        Assert.NotEqual(visible, answer.HiddenFolderId);
        Assert.True(await IsHiddenAsync(mailbox, answer.HiddenFolderId!));
    }

    [Fact]
    public async Task Locate_FolderKnownAndOneQuestion_IsOneRequest()
    {
        var (mailbox, _, internetMessageId) = Delivered();
        await Gateway.EnsureHiddenFolderAsync(mailbox, "Quarantine (security)", CancellationToken.None);

        var before = _simulator.Metrics.ForMailbox(mailbox).Requests;
        await Gateway.LocateAsync(mailbox, new CopyQuery([], [$"<{internetMessageId}>"], "Quarantine (security)"), CancellationToken.None);

        Assert.Equal(1, _simulator.Metrics.ForMailbox(mailbox).Requests - before);
    }

    [Fact]
    public async Task MoveAll_ThreeCopies_IsOneRoundTripOfThreeRequests()
    {
        var (mailbox, first, _) = Delivered();
        var others = Enumerable.Range(0, 2).Select(_ => AddMessage(mailbox, Mime($"{Guid.NewGuid():N}@partner.example"))).ToList();
        var junk = await Gateway.GetFolderIdAsync(mailbox, WellKnownFolders.JunkEmail, CancellationToken.None);

        var before = _simulator.Metrics.ForMailbox(mailbox);
        await Gateway.MoveAllAsync(mailbox, [first, .. others], junk, CancellationToken.None);
        var after = _simulator.Metrics.ForMailbox(mailbox);

        Assert.Equal((3, 1), (after.Requests - before.Requests, after.RoundTrips - before.RoundTrips));
    }

    [Fact]
    public async Task FindRecipientMailboxes_TwentyFiveUsers_AreAskedInTwoBatches()
    {
        var addresses = Enumerable.Range(0, 25).Select(i => $"batch{i}-{Guid.NewGuid():N}@{Domain}").ToList();
        foreach (var address in addresses) AddMailbox(address);

        var before = _simulator.Metrics.RequestsByKind;
        var found = await Gateway.FindRecipientMailboxesAsync(addresses, CancellationToken.None);
        var after = _simulator.Metrics.RequestsByKind;

        Assert.All(addresses, a => Assert.Single(found[a]));
        Assert.Equal(2, after.GetValueOrDefault("POST /v1.0/$batch") - before.GetValueOrDefault("POST /v1.0/$batch"));
        Assert.Equal(25, after.GetValueOrDefault("GET /v1.0/users") - before.GetValueOrDefault("GET /v1.0/users"));
    }

    [Fact]
    public async Task GetContent_CostsOneRequest()
    {
        var (mailbox, messageId, _) = Delivered();

        var before = _simulator.Metrics.ForMailbox(mailbox).Requests;
        Assert.NotNull(await Gateway.GetContentAsync(mailbox, messageId, long.MaxValue, CancellationToken.None));

        Assert.Equal(1, _simulator.Metrics.ForMailbox(mailbox).Requests - before);
    }

    [Fact]
    public async Task DeclineMeeting_TellsTheOrganizerNothingInTwoRequests()
    {
        var (organizer, attendee) = (NewMailbox(), NewMailbox());
        var (_, delivered) = Tenant.SendMeetingRequest(organizer, "Password expiry review", DateTimeOffset.UtcNow.AddDays(1), Tenant.FindMailbox(attendee)!.Mail);
        var organizerInbox = Tenant.MessagesIn(organizer, WellKnownFolders.Inbox).Count;

        var before = _simulator.Metrics.ForMailbox(attendee).Requests;
        Assert.Equal(MeetingDecline.Declined, await Gateway.DeclineMeetingAsync(attendee, Assert.Single(delivered).ImmutableId, CancellationToken.None));

        Assert.Equal(2, _simulator.Metrics.ForMailbox(attendee).Requests - before);
        Assert.Empty(Tenant.FindMailbox(attendee)!.Calendar);
        Assert.Equal(organizerInbox, Tenant.MessagesIn(organizer, WellKnownFolders.Inbox).Count);
    }

    protected override string AddMailbox(string userPrincipalName, bool reachable = true) =>
        Tenant.AddMailbox(userPrincipalName, userPrincipalName, reachable ? MailboxAccess.Enabled : MailboxAccess.NotEnabled).Id;

    protected override void AddAlias(string recipientId, string address) => Tenant.AddAlias(recipientId, address);

    protected override string AddGroup(string mail) => Tenant.AddGroup(mail, mail).Id;

    protected override string AddContact(string externalAddress) => Tenant.AddContact(externalAddress, externalAddress).Id;

    protected override void AddMember(string groupId, string memberId)
    {
        var group = Tenant.FindGroup(groupId)!;
        if (Tenant.FindMailbox(memberId) is { } user) Tenant.AddMember(group, user);
        else if (Tenant.FindGroup(memberId) is { } nested) Tenant.AddMember(group, nested);
        else Tenant.AddMember(group, Tenant.FindContact(memberId)!);
    }

    protected override string AddFolder(string mailboxId, string displayName) => Tenant.FindMailbox(mailboxId)!.AddFolder(displayName);

    protected override async Task<bool> IsHiddenAsync(string mailboxId, string folderId) =>
        (await _graph.Users[mailboxId].MailFolders[folderId].GetAsync())?.IsHidden ?? throw new InvalidDataException($"No folder {folderId}.");

    protected override string AddMessage(string mailboxId, string mime, string folder = WellKnownFolders.Inbox) =>
        Tenant.AppendAsImap(mailboxId, mime, folder).ImmutableId;

    protected override string? FolderOf(string mailboxId, string messageId) => Tenant.FindMessage(mailboxId, messageId)?.FolderId;

    protected override void PurgeRecoverableItems(string mailboxId) => Tenant.PurgeRecoverableItems(mailboxId);

    protected override void DeleteFolder(string mailboxId, string folderId) => Tenant.DeleteFolder(mailboxId, folderId);

    protected override string DeliverMeetingRequest(string mailboxId, string mime) =>
        Assert.Single(Tenant.DeliverThroughTransportTo([Tenant.FindMailbox(mailboxId)!.Mail], mime)).ImmutableId;

    protected override int CalendarEntries(string mailboxId) => Tenant.FindMailbox(mailboxId)!.Calendar.Count;

    protected override void DenyCalendarAccess() => Tenant.CalendarsPermitted = false;

    protected override string AddTeamsChat(string mailboxId, string fromAddress, string text) => Tenant.PostTeamsChat(mailboxId, fromAddress, text).ImmutableId;
}
