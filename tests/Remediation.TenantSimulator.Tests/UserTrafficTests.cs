using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Remediation.TenantSimulator.Model;
using Remediation.TenantSimulator.Tests.Infrastructure;

namespace Remediation.TenantSimulator.Tests;

/// <summary>
/// What users' own traffic looks like through <c>/users/{id}/messages</c>: meeting requests and responses as the
/// eventMessage types (learn.microsoft.com/graph/api/resources/eventmessage), the message class as a single-value
/// extended property (learn.microsoft.com/graph/api/singlevaluelegacyextendedproperty-get), and Teams chat items that
/// the messages list returns too ("Known issues with Microsoft Graph": get messages returns chats in Microsoft Teams).
/// </summary>
public sealed class UserTrafficTests : IAsyncLifetime
{
    private const string MessageClass = "singleValueExtendedProperties($filter=id eq 'String 0x001A')";
    private TestTenant sut = null!;

    public async Task InitializeAsync() => sut = await TestTenant.StartAsync();

    public async Task DisposeAsync() => await sut.DisposeAsync();

    [Fact]
    public async Task MeetingRequest_ReachesTheAttendeeAsAnEventMessageRequest_AndStaysInTheOrganizersSentItems()
    {
        var (sent, delivered) = sut.Tenant.SendMeetingRequest(sut.Adele.Id, "Budget review", DateTimeOffset.UtcNow.AddDays(1), sut.Alex.Mail);

        var invitation = Assert.Single(delivered);
        var message = await sut.Graph.Users[sut.Alex.Id].Messages[invitation.MessageId].GetAsync(r => r.QueryParameters.Expand = [MessageClass]);
        var request = Assert.IsType<EventMessageRequest>(message);
        Assert.Equal(MeetingMessageType.MeetingRequest, request.MeetingMessageType);
        Assert.Equal(ItemClasses.MeetingRequest, ClassOf(message!));
        Assert.Equal(WellKnownFolders.SentItems, sut.Tenant.FindMessage(sut.Adele.Id, sent.MessageId)!.FolderWellKnownName);
    }

    [Fact]
    public async Task MeetingRequest_PutsATentativeEntryInTheAttendeesCalendar_WhichTheRequestExpands()
    {
        var (_, delivered) = sut.Tenant.SendMeetingRequest(sut.Adele.Id, "Budget review", DateTimeOffset.UtcNow.AddDays(1), sut.Alex.Mail);

        var message = await sut.Graph.Users[sut.Alex.Id].Messages[Assert.Single(delivered).MessageId]
            .GetAsync(r => r.QueryParameters.Expand = ["microsoft.graph.eventMessage/event($select=id)"]);

        var entry = Assert.IsType<EventMessageRequest>(message).Event;
        Assert.Equal(Assert.Single(sut.Tenant.FindMailbox(sut.Alex.Id)!.Calendar).Id, entry?.Id);
        Assert.Equal("Budget review", (await sut.Graph.Users[sut.Alex.Id].Events[entry!.Id].GetAsync())?.Subject);
        Assert.Empty(sut.Tenant.FindMailbox(sut.Adele.Id)!.Calendar);
    }

    [Theory]
    [InlineData(true, 1)]
    [InlineData(false, 0)]
    public async Task Decline_TakesTheEntryOffTheCalendar_AndTellsTheOrganizerOnlyWhenAsked(bool sendResponse, int responses)
    {
        var (_, delivered) = sut.Tenant.SendMeetingRequest(sut.Adele.Id, "Budget review", DateTimeOffset.UtcNow.AddDays(1), sut.Alex.Mail);
        var entry = Assert.Single(sut.Tenant.FindMailbox(sut.Alex.Id)!.Calendar);

        await sut.Graph.Users[sut.Alex.Id].Events[entry.Id].Decline.PostAsync(new() { SendResponse = sendResponse });

        Assert.Empty(sut.Tenant.FindMailbox(sut.Alex.Id)!.Calendar);
        Assert.Equal(responses, sut.Tenant.MessagesIn(sut.Adele.Id, WellKnownFolders.Inbox).Count(m => m.Subject.StartsWith("Declined: ", StringComparison.Ordinal)));
        var again = await Assert.ThrowsAsync<ODataError>(() => sut.Graph.Users[sut.Alex.Id].Events[entry.Id].Decline.PostAsync(new() { SendResponse = false }));
        Assert.Equal(404, again.ResponseStatusCode);
        Assert.Equal(WellKnownFolders.Inbox, sut.Tenant.FindMessage(sut.Alex.Id, Assert.Single(delivered).ImmutableId)!.FolderWellKnownName);
    }

    [Fact]
    public async Task Calendar_WithoutCalendarsPermission_IsRefused()
    {
        var (_, delivered) = sut.Tenant.SendMeetingRequest(sut.Adele.Id, "Budget review", DateTimeOffset.UtcNow.AddDays(1), sut.Alex.Mail);
        sut.Tenant.CalendarsPermitted = false;

        var listed = await Assert.ThrowsAsync<ODataError>(() => sut.Graph.Users[sut.Alex.Id].Events.GetAsync());
        var expanded = await Assert.ThrowsAsync<ODataError>(() => sut.Graph.Users[sut.Alex.Id].Messages[Assert.Single(delivered).MessageId]
            .GetAsync(r => r.QueryParameters.Expand = ["microsoft.graph.eventMessage/event"]));

        Assert.Equal((403, "ErrorAccessDenied"), (listed.ResponseStatusCode, listed.Error?.Code));
        Assert.Equal(403, expanded.ResponseStatusCode);
    }

    [Fact]
    public async Task MeetingResponse_MovesTheRequestToDeletedItems_AndReachesTheOrganizer()
    {
        var (_, delivered) = sut.Tenant.SendMeetingRequest(sut.Adele.Id, "Budget review", DateTimeOffset.UtcNow.AddDays(1), sut.Alex.Mail);
        var invitation = Assert.Single(delivered);

        var (sent, answered) = sut.Tenant.RespondToMeeting(sut.Alex.Id, invitation.ImmutableId, "TENTATIVE");

        Assert.Equal(WellKnownFolders.DeletedItems, sut.Tenant.FindMessage(sut.Alex.Id, invitation.ImmutableId)!.FolderWellKnownName);
        Assert.Equal(WellKnownFolders.SentItems, sut.Tenant.FindMessage(sut.Alex.Id, sent.MessageId)!.FolderWellKnownName);
        var response = await sut.Graph.Users[sut.Adele.Id].Messages[Assert.Single(answered).MessageId].GetAsync();
        Assert.Equal(MeetingMessageType.MeetingTenativelyAccepted, Assert.IsType<EventMessageResponse>(response).MeetingMessageType);
        Assert.StartsWith("Tentative: ", response!.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TeamsChat_IsListedWithTheMailboxsMessages_ButHasNoMime()
    {
        var chat = sut.Tenant.PostTeamsChat(sut.Adele.Id, sut.Alex.Mail, "lunch?");

        var listed = await sut.Graph.Users[sut.Adele.Id].Messages.GetAsync();
        var item = Assert.Single(listed!.Value!);
        Assert.Equal("IM", item.Subject);
        var withClass = await sut.Graph.Users[sut.Adele.Id].Messages[chat.MessageId].GetAsync(r => r.QueryParameters.Expand = [MessageClass]);
        Assert.Equal(ItemClasses.TeamsChat, ClassOf(withClass!));
        var error = await Assert.ThrowsAsync<ODataError>(() => sut.Graph.Users[sut.Adele.Id].Messages[chat.MessageId].Content.GetAsync());
        Assert.Equal(400, error.ResponseStatusCode);
    }

    [Fact]
    public async Task MessageClass_InAList_IsExpandedForEveryItem()
    {
        sut.Tenant.PostTeamsChat(sut.Adele.Id, sut.Alex.Mail, "See you at ten");
        sut.Tenant.AppendAsImap(sut.Adele.Id, TestMime.Create(sut.Adele.UserPrincipalName));

        var listed = await sut.Graph.Users[sut.Adele.Id].Messages.GetAsync(r => r.QueryParameters.Expand = [MessageClass]);

        Assert.Equal([ItemClasses.Note, ItemClasses.TeamsChat], listed!.Value!.Select(m => ClassOf(m)!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task MessageClass_OfOrdinaryMail_IsIpmNote_AndOnlyWhenExpanded()
    {
        var mail = sut.Tenant.AppendAsImap(sut.Adele.Id, TestMime.Create(sut.Adele.UserPrincipalName));

        var plain = await sut.Graph.Users[sut.Adele.Id].Messages[mail.MessageId].GetAsync();
        var expanded = await sut.Graph.Users[sut.Adele.Id].Messages[mail.MessageId].GetAsync(r => r.QueryParameters.Expand = [MessageClass]);

        Assert.Null(plain!.SingleValueExtendedProperties);
        Assert.Equal(ItemClasses.Note, ClassOf(expanded!));
    }

    private static string? ClassOf(Message message) => Assert.Single(message.SingleValueExtendedProperties!).Value;
}
