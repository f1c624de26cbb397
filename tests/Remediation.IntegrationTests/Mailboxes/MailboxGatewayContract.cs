using Remediation.Core.Mailboxes;
using Remediation.Core.Scanning;

namespace Remediation.IntegrationTests.Mailboxes;

/// <summary>
/// What every mailbox gateway promises, whichever store is behind it: run against the in-memory twin and the Graph
/// gateway on the tenant simulator. Each side arranges its tenant through the abstract members.
/// </summary>
public abstract class MailboxGatewayContract
{
    protected const string Domain = "contoso.example";

    protected abstract IMailboxGateway Gateway { get; }

    /// <returns>The user id.</returns>
    protected abstract string AddMailbox(string userPrincipalName, bool reachable = true);

    protected abstract void AddAlias(string recipientId, string address);

    /// <returns>The group id.</returns>
    protected abstract string AddGroup(string mail);

    /// <returns>The contact id.</returns>
    protected abstract string AddContact(string externalAddress);

    protected abstract void AddMember(string groupId, string memberId);

    /// <returns>The id of a folder a user made at the top of the folder tree.</returns>
    protected abstract string AddFolder(string mailboxId, string displayName);

    /// <summary>Whether the user's mail clients leave the folder out.</summary>
    protected abstract Task<bool> IsHiddenAsync(string mailboxId, string folderId);

    /// <param name="folder">A well-known name or a folder id.</param>
    /// <returns>The message's id as the gateway knows it.</returns>
    protected abstract string AddMessage(string mailboxId, string mime, string folder = WellKnownFolders.Inbox);

    /// <returns>The id of the folder holding the message, or null when it is gone for good.</returns>
    protected abstract string? FolderOf(string mailboxId, string messageId);

    protected abstract void PurgeRecoverableItems(string mailboxId);

    /// <summary>A user or an administrator deletes a folder that is not a well-known one.</summary>
    protected abstract void DeleteFolder(string mailboxId, string folderId);

    /// <summary>A Teams chat message Exchange keeps in the mailbox.</summary>
    /// <returns>The item's id as the gateway knows it.</returns>
    protected abstract string AddTeamsChat(string mailboxId, string fromAddress, string text);

    /// <summary>A meeting request transport delivers, with the tentative entry the store puts in the calendar.</summary>
    /// <returns>The request's id as the gateway knows it.</returns>
    protected abstract string DeliverMeetingRequest(string mailboxId, string mime);

    /// <summary>How many entries the mailbox's calendar holds.</summary>
    protected abstract int CalendarEntries(string mailboxId);

    /// <summary>The app has no <c>Calendars.ReadWrite</c>.</summary>
    protected abstract void DenyCalendarAccess();

    [Fact]
    public async Task FindCopies_MeetingRequest_SaysSoWhereAMessageDoesNot()
    {
        var mailbox = NewMailbox();
        var (invitation, note) = (NewMessageId(), NewMessageId());
        DeliverMeetingRequest(mailbox, Invitation(invitation));
        var located = AddMessage(mailbox, Mime(note));

        Assert.True(Assert.Single(await Gateway.FindCopiesAsync(mailbox, $"<{invitation}>", CancellationToken.None)).IsMeetingRequest);
        Assert.False(Assert.Single(await Gateway.FindCopiesAsync(mailbox, $"<{note}>", CancellationToken.None)).IsMeetingRequest);
        Assert.False((await Gateway.GetLocationAsync(mailbox, located, CancellationToken.None))?.IsMeetingRequest);
    }

    [Fact]
    public async Task GetLocation_MeetingRequest_SaysSo()
    {
        var mailbox = NewMailbox();
        var invitation = DeliverMeetingRequest(mailbox, Invitation(NewMessageId()));

        Assert.True((await Gateway.GetLocationAsync(mailbox, invitation, CancellationToken.None))?.IsMeetingRequest);
    }

    [Fact]
    public async Task DeclineMeeting_Delivered_TheEntryLeavesTheCalendarAndASecondFindsNone()
    {
        var mailbox = NewMailbox();
        var invitation = DeliverMeetingRequest(mailbox, Invitation(NewMessageId()));
        Assert.Equal(1, CalendarEntries(mailbox));

        Assert.Equal(MeetingDecline.Declined, await Gateway.DeclineMeetingAsync(mailbox, invitation, CancellationToken.None));
        Assert.Equal(0, CalendarEntries(mailbox));
        Assert.Equal(MeetingDecline.NoEntry, await Gateway.DeclineMeetingAsync(mailbox, invitation, CancellationToken.None));
        Assert.Equal(WellKnownFolders.Inbox, await FolderNameAsync(mailbox, invitation));
    }

    [Fact]
    public async Task DeclineMeeting_AppendedRequestOrMessage_HasNoEntry()
    {
        var mailbox = NewMailbox();
        var appended = AddMessage(mailbox, Invitation(NewMessageId()));
        var note = AddMessage(mailbox, Mime(NewMessageId()));

        Assert.Equal(MeetingDecline.NoEntry, await Gateway.DeclineMeetingAsync(mailbox, appended, CancellationToken.None));
        Assert.Equal(MeetingDecline.NoEntry, await Gateway.DeclineMeetingAsync(mailbox, note, CancellationToken.None));
    }

    [Fact]
    public async Task DeclineMeeting_WithoutCalendarPermission_IsNotPermittedAndTheEntryStays()
    {
        var mailbox = NewMailbox();
        var invitation = DeliverMeetingRequest(mailbox, Invitation(NewMessageId()));
        DenyCalendarAccess();

        Assert.Equal(MeetingDecline.NotPermitted, await Gateway.DeclineMeetingAsync(mailbox, invitation, CancellationToken.None));
        Assert.Equal(1, CalendarEntries(mailbox));
    }

    [Fact]
    public async Task GetMessage_Delivered_ReturnsItsMimeIdsAndFolder()
    {
        var (mailbox, messageId, internetMessageId) = Delivered();

        var message = await Gateway.ReadMessageAsync(mailbox, messageId, new ScanLimits(), CancellationToken.None);

        Assert.NotNull(message);
        Assert.False(message.Stored.ContentCut);
        Assert.Null(message.LimitExceeded);
        Assert.Equal(messageId, message.MessageId);
        Assert.Equal(mailbox, message.MailboxId);
        Assert.Equal($"<{internetMessageId}>", message.InternetMessageId);
        Assert.Equal(await Gateway.GetFolderIdAsync(mailbox, WellKnownFolders.Inbox, CancellationToken.None), message.ParentFolderId);
        Assert.False(message.IsDraft);
        Assert.Equal("Quarterly invoice", message.Mime.Subject);
        Assert.Equal(internetMessageId, message.Mime.MessageId);
    }

    [Fact]
    public async Task GetMessage_MoreContentThanAskedFor_ReturnsThatMuchAndSaysItWasCut()
    {
        var (mailbox, messageId, _) = Delivered();

        var message = await Gateway.GetMessageAsync(mailbox, messageId, maxContentBytes: 64, CancellationToken.None);

        Assert.NotNull(message);
        Assert.Equal(64, message.Content.Length);
        Assert.True(message.ContentCut);
    }

    [Fact]
    public async Task GetMessage_InDrafts_IsADraft()
    {
        var mailbox = NewMailbox();
        var draft = AddMessage(mailbox, Mime(NewMessageId()), WellKnownFolders.Drafts);

        var message = await Gateway.GetMessageAsync(mailbox, draft, long.MaxValue, CancellationToken.None);

        Assert.True(message?.IsDraft);
    }

    [Fact]
    public async Task GetMessage_TeamsChat_IsNotMailAndHasNoContent()
    {
        var mailbox = NewMailbox();
        var chat = AddTeamsChat(mailbox, $"bob@{Domain}", "See you at ten");

        var message = await Gateway.GetMessageAsync(mailbox, chat, long.MaxValue, CancellationToken.None);

        Assert.NotNull(message);
        Assert.True(message.IsTeamsChat);
        Assert.Equal("IPM.SkypeTeams.Message", message.ItemClass);
        Assert.Equal(0, message.Content.Length);
        Assert.False(message.ContentCut);
        Assert.NotEqual(await Gateway.GetFolderIdAsync(mailbox, WellKnownFolders.Inbox, CancellationToken.None), message.ParentFolderId);
    }

    [Fact]
    public async Task GetMessage_Delivered_IsANote()
    {
        var (mailbox, messageId, _) = Delivered();

        var message = await Gateway.GetMessageAsync(mailbox, messageId, long.MaxValue, CancellationToken.None);

        Assert.Equal("IPM.Note", message?.ItemClass);
        Assert.False(message?.IsTeamsChat);
    }

    // A migration gives an item its original arrival date; when the store created it tells history from mail placed now.
    [Fact]
    public async Task GetMessage_Delivered_SaysWhenTheStoreCreatedIt()
    {
        var (mailbox, messageId, _) = Delivered();

        var message = await Gateway.GetMessageAsync(mailbox, messageId, long.MaxValue, CancellationToken.None);

        Assert.NotNull(message?.CreatedAt);
        Assert.True(message.CreatedAt >= message.ReceivedAt, $"created {message.CreatedAt:O}, received {message.ReceivedAt:O}");
    }

    [Fact]
    public async Task GetMessage_UnknownId_ReturnsNull()
    {
        var mailbox = NewMailbox();

        Assert.Null(await Gateway.GetMessageAsync(mailbox, "AAkALmVzc2FnZS10aGF0LWlzLW5vdC10aGVyZQ==", long.MaxValue, CancellationToken.None));
    }

    [Fact]
    public async Task GetContent_Delivered_ReturnsItsMimeAlone()
    {
        var (mailbox, messageId, internetMessageId) = Delivered();

        var content = await Gateway.ReadMimeAsync(mailbox, messageId, new ScanLimits(), CancellationToken.None);

        Assert.NotNull(content);
        Assert.Null(content.LimitExceeded);
        Assert.Equal("Quarterly invoice", content.Mime.Subject);
        Assert.Equal(internetMessageId, content.Mime.MessageId);
    }

    [Fact]
    public async Task GetContent_MoreContentThanAskedFor_ReturnsThatMuchAndSaysItWasCut()
    {
        var (mailbox, messageId, _) = Delivered();

        var content = await Gateway.GetContentAsync(mailbox, messageId, maxContentBytes: 64, CancellationToken.None);

        Assert.NotNull(content);
        Assert.Equal(64, content.Content.Length);
        Assert.True(content.Cut);
    }

    [Fact]
    public async Task GetContent_UnknownId_ReturnsNull()
    {
        var mailbox = NewMailbox();

        Assert.Null(await Gateway.GetContentAsync(mailbox, "AAkALmVzc2FnZS10aGF0LWlzLW5vdC10aGVyZQ==", long.MaxValue, CancellationToken.None));
    }

    [Fact]
    public async Task GetLocation_Delivered_ReturnsTheFolderItSitsIn()
    {
        var mailbox = NewMailbox();
        var projects = AddFolder(mailbox, "Projects");
        var messageId = AddMessage(mailbox, Mime(NewMessageId()), projects);

        var location = await Gateway.GetLocationAsync(mailbox, messageId, CancellationToken.None);

        Assert.Equal(new MessageLocation(mailbox, messageId, projects), location);
    }

    [Fact]
    public async Task GetLocation_UnknownId_ReturnsNull()
    {
        var mailbox = NewMailbox();

        Assert.Null(await Gateway.GetLocationAsync(mailbox, "AAkALmVzc2FnZS10aGF0LWlzLW5vdC10aGVyZQ==", CancellationToken.None));
    }

    [Fact]
    public async Task FindCopies_MessageIdInSeveralFolders_ReturnsEveryCopyOfThatMailboxOnly()
    {
        var mailbox = NewMailbox();
        var other = NewMailbox();
        var internetMessageId = NewMessageId();
        var inInbox = AddMessage(mailbox, Mime(internetMessageId));
        var projects = AddFolder(mailbox, "Projects");
        var inProjects = AddMessage(mailbox, Mime(internetMessageId), projects);
        AddMessage(other, Mime(internetMessageId));
        AddMessage(mailbox, Mime(NewMessageId()));
        var inbox = await Gateway.GetFolderIdAsync(mailbox, WellKnownFolders.Inbox, CancellationToken.None);

        var copies = await Gateway.FindCopiesAsync(mailbox, $"<{internetMessageId}>", CancellationToken.None);

        Assert.Equal(
            new[] { new MessageLocation(mailbox, inInbox, inbox), new MessageLocation(mailbox, inProjects, projects) }.OrderBy(c => c.MessageId, StringComparer.Ordinal),
            copies.Select(c => c with { Shown = null }).OrderBy(c => c.MessageId, StringComparer.Ordinal));
    }

    [Fact]
    public async Task FindCopies_EachCopy_ComesWithWhatItShows()
    {
        var (mailbox, _, internetMessageId) = Delivered();

        var copy = Assert.Single(await Gateway.FindCopiesAsync(mailbox, $"<{internetMessageId}>", CancellationToken.None));

        Assert.NotNull(copy.Shown);
        var letterhead = Letterhead.Of("Quarterly invoice", [(null, "billing@partner.example")], "billing@partner.example", []);
        Assert.Equal(new ShownContent("Quarterly invoice", "Please find the invoice attached.", BodyIsHtml: false, HasAttachments: false, letterhead),
            copy.Shown with { Body = copy.Shown.Body.TrimEnd(), Senders = null });
        Assert.Equal(["billing@partner.example"], copy.Shown.Senders?.From.Select(f => f.Address) ?? []);
        Assert.Equal(("billing@partner.example", 0), (copy.Shown.Senders?.Sender, copy.Shown.Senders?.ReplyTo.Count ?? -1));
    }

    // A copy's sender, display name, reply address and subject as the store returns them give the MIME's letterhead.
    [Fact]
    public async Task FindCopies_SenderNameAndReplyTo_ShowTheMimesLetterhead()
    {
        var mailbox = NewMailbox();
        var internetMessageId = NewMessageId();
        var message = new MimeKit.MimeMessage { Subject = "Partner summit in Lisbon", MessageId = internetMessageId, Body = new MimeKit.TextPart("plain") { Text = "Register before the end of the month." } };
        message.From.Add(new MimeKit.MailboxAddress("Fabrikam Partner Team", "partners@partner.example"));
        message.ReplyTo.Add(new MimeKit.MailboxAddress("Events desk", "desk@partner.example"));
        AddMessage(mailbox, message.ToString());

        var copy = Assert.Single(await Gateway.FindCopiesAsync(mailbox, $"<{internetMessageId}>", CancellationToken.None));

        Assert.Equal(Letterhead.Of(message), copy.Shown?.Letterhead);
        Assert.Equal(["partners@partner.example"], copy.Shown?.Senders?.From.Select(f => f.Address) ?? []);
        Assert.Equal("partners@partner.example", copy.Shown?.Senders?.Sender);
        Assert.Equal(["desk@partner.example"], copy.Shown?.Senders?.ReplyTo ?? []);
    }

    [Fact]
    public async Task FindCopies_AlternativesAndAFile_ShowTheHtmlAndSayAFileIsAttached()
    {
        var mailbox = NewMailbox();
        var internetMessageId = NewMessageId();
        var message = new MimeKit.MimeMessage
        {
            Subject = "Quarterly figures",
            MessageId = internetMessageId,
            Body = new MimeKit.Multipart("mixed")
            {
                new MimeKit.Multipart("alternative") { new MimeKit.TextPart("plain") { Text = "Figures attached." }, new MimeKit.TextPart("html") { Text = "<p>Figures attached.</p>" } },
                new MimeKit.MimePart("application", "pdf") { FileName = "figures.pdf", Content = new MimeKit.MimeContent(new MemoryStream("%PDF-1.4"u8.ToArray())) },
            },
        };
        message.From.Add(new MimeKit.MailboxAddress("", "billing@partner.example"));
        AddMessage(mailbox, message.ToString());

        var copy = Assert.Single(await Gateway.FindCopiesAsync(mailbox, $"<{internetMessageId}>", CancellationToken.None));

        Assert.Equal(new ShownContent("Quarterly figures", "<p>Figures attached.</p>", BodyIsHtml: true, HasAttachments: true, Letterhead.Of(message)), copy.Shown! with { Senders = null });
    }

    [Fact]
    public async Task Locate_CopiesByIdAndByMessageIdAndTheFolder_AreAnsweredTogether()
    {
        var (mailbox, searched, internetMessageId) = Delivered();
        var known = AddMessage(mailbox, Mime(NewMessageId()));
        var gone = AddMessage(mailbox, Mime(NewMessageId()));
        Assert.True(await Gateway.SoftDeleteAsync(mailbox, gone, CancellationToken.None));
        PurgeRecoverableItems(mailbox);
        var inbox = await Gateway.GetFolderIdAsync(mailbox, WellKnownFolders.Inbox, CancellationToken.None);

        var answer = await Gateway.LocateAsync(mailbox, new CopyQuery([known, gone], [$"<{internetMessageId}>"], "Quarantine (security)"), CancellationToken.None);

        Assert.Equal(new MessageLocation(mailbox, known, inbox), Assert.Single(answer.Located));
        var found = Assert.Single(Assert.Single(answer.Found, f => f.Key == $"<{internetMessageId}>").Value);
        Assert.Equal((searched, inbox), (found.MessageId, found.ParentFolderId));
        Assert.NotNull(found.Shown);
        Assert.NotNull(answer.HiddenFolderId);
        Assert.NotEqual(inbox, answer.HiddenFolderId);
        Assert.Equal(answer.HiddenFolderId, await Gateway.EnsureHiddenFolderAsync(mailbox, "Quarantine (security)", CancellationToken.None));
        Assert.Equal(answer.HiddenFolderId, (await Gateway.LocateAsync(mailbox, new CopyQuery([known], [], "Quarantine (security)"), CancellationToken.None)).HiddenFolderId);
    }

    [Fact]
    public async Task Locate_NoFolderAskedFor_ReturnsNone()
    {
        var (mailbox, messageId, internetMessageId) = Delivered();

        var answer = await Gateway.LocateAsync(mailbox, new CopyQuery([messageId], [$"<{internetMessageId}>"], null), CancellationToken.None);

        Assert.Single(answer.Located);
        Assert.Single(answer.Found[$"<{internetMessageId}>"]);
        Assert.Null(answer.HiddenFolderId);
    }

    [Fact]
    public async Task Locate_NoCopyAndTheFolderExists_ReturnsNothingAndThatFolder()
    {
        var mailbox = NewMailbox();
        var existing = await Gateway.EnsureHiddenFolderAsync(mailbox, "Quarantine (security)", CancellationToken.None);

        var answer = await Gateway.LocateAsync(mailbox, new CopyQuery([], [$"<{NewMessageId()}>"], "Quarantine (security)"), CancellationToken.None);

        Assert.Empty(Assert.Single(answer.Found).Value);
        Assert.Equal(existing, answer.HiddenFolderId);
    }

    [Fact]
    public async Task Locate_MoreQuestionsThanOneBatchHolds_AnswersEveryOne()
    {
        var mailbox = NewMailbox();
        var messageIds = Enumerable.Range(0, 21).Select(_ => AddMessage(mailbox, Mime(NewMessageId()))).ToList();

        var answer = await Gateway.LocateAsync(mailbox, new CopyQuery(messageIds, [], "Quarantine (security)"), CancellationToken.None);

        Assert.Equal(messageIds.Order(StringComparer.Ordinal), answer.Located.Select(l => l.MessageId).Order(StringComparer.Ordinal));
        Assert.NotNull(answer.HiddenFolderId);
    }

    [Fact]
    public async Task Locate_UserWithoutAReachableMailbox_ThrowsMailboxUnavailable()
    {
        var guest = AddMailbox($"guest{Guid.NewGuid():N}@{Domain}", reachable: false);

        var error = await Assert.ThrowsAsync<MailboxUnavailableException>(() =>
            Gateway.LocateAsync(guest, new CopyQuery([], [$"<{NewMessageId()}>"], "Quarantine (security)"), CancellationToken.None));

        Assert.Equal("MailboxNotEnabledForRESTAPI", error.Reason);
    }

    [Fact]
    public async Task FindCopies_TeamsChatUnderTheMessageId_IsNoCopy()
    {
        var mailbox = NewMailbox();
        var chat = AddTeamsChat(mailbox, $"bob@{Domain}", "See you at ten");
        var internetMessageId = (await Gateway.GetMessageAsync(mailbox, chat, long.MaxValue, CancellationToken.None))?.InternetMessageId;
        Assert.NotNull(internetMessageId);
        var mail = AddMessage(mailbox, Mime(internetMessageId.Trim('<', '>')));

        var copy = Assert.Single(await Gateway.FindCopiesAsync(mailbox, internetMessageId, CancellationToken.None));

        Assert.Equal(mail, copy.MessageId);
    }

    [Fact]
    public async Task FindCopies_MessageIdOfOtherCase_FindsNothing()
    {
        var (mailbox, _, internetMessageId) = Delivered();

        Assert.Empty(await Gateway.FindCopiesAsync(mailbox, $"<{internetMessageId.ToUpperInvariant()}>", CancellationToken.None));
    }

    [Fact]
    public async Task FindCopies_MessageIdWithAQuote_IsFound()
    {
        var mailbox = NewMailbox();
        var internetMessageId = $"o'brien.{Guid.NewGuid():N}@partner.example";
        var messageId = AddMessage(mailbox, Mime(internetMessageId));

        var copy = Assert.Single(await Gateway.FindCopiesAsync(mailbox, $"<{internetMessageId}>", CancellationToken.None));

        Assert.Equal(messageId, copy.MessageId);
    }

    [Fact]
    public async Task FindCopies_SoftDeletedCopy_IsNotFound()
    {
        var (mailbox, messageId, internetMessageId) = Delivered();
        Assert.True(await Gateway.SoftDeleteAsync(mailbox, messageId, CancellationToken.None));

        Assert.Empty(await Gateway.FindCopiesAsync(mailbox, $"<{internetMessageId}>", CancellationToken.None));
    }

    [Fact]
    public async Task FindCopies_UserWithoutAReachableMailbox_ThrowsMailboxUnavailable()
    {
        var guest = AddMailbox($"guest{Guid.NewGuid():N}@{Domain}", reachable: false);

        var error = await Assert.ThrowsAsync<MailboxUnavailableException>(() => Gateway.FindCopiesAsync(guest, $"<{NewMessageId()}>", CancellationToken.None));

        Assert.Equal("MailboxNotEnabledForRESTAPI", error.Reason);
    }

    [Fact]
    public async Task FindCopies_UnknownUser_ThrowsMailboxUnavailable()
    {
        await Assert.ThrowsAsync<MailboxUnavailableException>(() => Gateway.FindCopiesAsync(Guid.NewGuid().ToString(), $"<{NewMessageId()}>", CancellationToken.None));
    }

    [Fact]
    public async Task GetFolderId_WellKnownNameInAnyCase_IsOneFolderOfItsOwn()
    {
        var mailbox = NewMailbox();

        var junk = await Gateway.GetFolderIdAsync(mailbox, WellKnownFolders.JunkEmail, CancellationToken.None);

        Assert.Equal(junk, await Gateway.GetFolderIdAsync(mailbox, "JunkEmail", CancellationToken.None));
        Assert.NotEqual(junk, await Gateway.GetFolderIdAsync(mailbox, WellKnownFolders.Inbox, CancellationToken.None));
        Assert.NotEqual(junk, await Gateway.GetFolderIdAsync(NewMailbox(), WellKnownFolders.JunkEmail, CancellationToken.None));
    }

    [Fact]
    public async Task EnsureHiddenFolder_FirstCall_CreatesAFolderLaterCallsReuse()
    {
        var mailbox = NewMailbox();

        var created = await Gateway.EnsureHiddenFolderAsync(mailbox, "Quarantine (security)", CancellationToken.None);

        Assert.Equal(created, await Gateway.EnsureHiddenFolderAsync(mailbox, "quarantine (SECURITY)", CancellationToken.None));
        Assert.NotEqual(created, await Gateway.GetFolderIdAsync(mailbox, WellKnownFolders.Inbox, CancellationToken.None));
        Assert.NotEqual(created, await Gateway.EnsureHiddenFolderAsync(NewMailbox(), "Quarantine (security)", CancellationToken.None));
    }

    [Fact]
    public async Task EnsureHiddenFolder_FolderTheUserSeesHoldsTheName_IsNotTakenAndAHiddenOneIsMade()
    {
        // An appender's IMAP client makes a folder of the quarantine's name, to be handed the lures it planted.
        var mailbox = NewMailbox();
        var visible = AddFolder(mailbox, "Quarantine (security)");

        var made = await Gateway.EnsureHiddenFolderAsync(mailbox, "Quarantine (security)", CancellationToken.None);

        Assert.NotEqual(visible, made);
        Assert.True(await IsHiddenAsync(mailbox, made));
        Assert.Equal(made, await Gateway.EnsureHiddenFolderAsync(mailbox, "Quarantine (security)", CancellationToken.None));
    }

    [Fact]
    public async Task Move_ToTheHiddenFolder_LandsThereAndKeepsItsImmutableId()
    {
        var (mailbox, messageId, internetMessageId) = Delivered();
        var quarantine = await Gateway.EnsureHiddenFolderAsync(mailbox, "Quarantine (security)", CancellationToken.None);

        var movedId = await Gateway.MoveAsync(mailbox, messageId, quarantine, CancellationToken.None);

        Assert.Equal(messageId, movedId);
        Assert.Equal(quarantine, FolderOf(mailbox, messageId));
        Assert.Equal(new MessageLocation(mailbox, messageId, quarantine), await Gateway.GetLocationAsync(mailbox, messageId, CancellationToken.None));
        Assert.Equal(quarantine, Assert.Single(await Gateway.FindCopiesAsync(mailbox, $"<{internetMessageId}>", CancellationToken.None)).ParentFolderId);
    }

    [Fact]
    public async Task Move_UnknownMessage_ReturnsNull()
    {
        var mailbox = NewMailbox();
        var junk = await Gateway.GetFolderIdAsync(mailbox, WellKnownFolders.JunkEmail, CancellationToken.None);

        Assert.Null(await Gateway.MoveAsync(mailbox, "AAkALmVzc2FnZS10aGF0LWlzLW5vdC10aGVyZQ==", junk, CancellationToken.None));
    }

    [Fact]
    public async Task Move_ToAFolderOfAnotherMailbox_ThrowsAndLeavesTheMessage()
    {
        var (mailbox, messageId, _) = Delivered();
        var elsewhere = await Gateway.GetFolderIdAsync(NewMailbox(), WellKnownFolders.JunkEmail, CancellationToken.None);
        var inbox = FolderOf(mailbox, messageId);

        var missing = await Assert.ThrowsAsync<DestinationFolderMissingException>(() => Gateway.MoveAsync(mailbox, messageId, elsewhere, CancellationToken.None));

        Assert.Equal(elsewhere, missing.FolderId);
        Assert.Equal(inbox, FolderOf(mailbox, messageId));
    }

    [Fact]
    public async Task Move_ToTheHiddenFolderSinceDeleted_ThrowsLeavesTheMessageAndTheFolderIsMadeAgain()
    {
        var (mailbox, messageId, _) = Delivered();
        var inbox = FolderOf(mailbox, messageId);
        var quarantine = await Gateway.EnsureHiddenFolderAsync(mailbox, "Quarantine (security)", CancellationToken.None);
        DeleteFolder(mailbox, quarantine);

        await Assert.ThrowsAsync<DestinationFolderMissingException>(() => Gateway.MoveAsync(mailbox, messageId, quarantine, CancellationToken.None));
        Assert.Equal(inbox, FolderOf(mailbox, messageId));

        var again = await Gateway.EnsureHiddenFolderAsync(mailbox, "Quarantine (security)", CancellationToken.None);
        Assert.NotEqual(quarantine, again);
        Assert.Equal(messageId, await Gateway.MoveAsync(mailbox, messageId, again, CancellationToken.None));
        Assert.Equal(again, FolderOf(mailbox, messageId));
    }

    [Fact]
    public async Task MoveAll_SeveralCopiesOfOneMailbox_EachLandsThereAndAGoneOneIsNull()
    {
        var (mailbox, first, _) = Delivered();
        var second = AddMessage(mailbox, Mime(NewMessageId()));
        var quarantine = await Gateway.EnsureHiddenFolderAsync(mailbox, "Quarantine (security)", CancellationToken.None);
        const string Gone = "AAkALmVzc2FnZS10aGF0LWlzLW5vdC10aGVyZQ==";

        var outcomes = await Gateway.MoveAllAsync(mailbox, [first, Gone, second], quarantine, CancellationToken.None);

        Assert.Equal([new MoveOutcome(first, null), new MoveOutcome(null, null), new MoveOutcome(second, null)], outcomes);
        Assert.Equal((quarantine, quarantine), (FolderOf(mailbox, first), FolderOf(mailbox, second)));
    }

    [Fact]
    public async Task MoveAll_DestinationOfAnotherMailbox_EachFailsOnItsOwnAndStays()
    {
        var (mailbox, first, _) = Delivered();
        var second = AddMessage(mailbox, Mime(NewMessageId()));
        var inbox = FolderOf(mailbox, first);
        var elsewhere = await Gateway.GetFolderIdAsync(NewMailbox(), WellKnownFolders.JunkEmail, CancellationToken.None);

        var outcomes = await Gateway.MoveAllAsync(mailbox, [first, second], elsewhere, CancellationToken.None);

        Assert.All(outcomes, o => Assert.Equal(elsewhere, Assert.IsType<DestinationFolderMissingException>(o.Error).FolderId));
        Assert.Equal((inbox, inbox), (FolderOf(mailbox, first), FolderOf(mailbox, second)));
    }

    [Fact]
    public async Task MoveAll_MoreThanOneBatchHolds_MovesEvery()
    {
        var mailbox = NewMailbox();
        var copies = Enumerable.Range(0, 23).Select(_ => AddMessage(mailbox, Mime(NewMessageId()))).ToList();
        var junk = await Gateway.GetFolderIdAsync(mailbox, WellKnownFolders.JunkEmail, CancellationToken.None);

        var outcomes = await Gateway.MoveAllAsync(mailbox, copies, junk, CancellationToken.None);

        Assert.Equal(copies, outcomes.Select(o => o.NewId));
        Assert.All(copies, copy => Assert.Equal(junk, FolderOf(mailbox, copy)));
    }

    [Fact]
    public async Task SoftDelete_Delivered_LeavesTheFolderTreeButCanBeMovedBack()
    {
        var (mailbox, messageId, _) = Delivered();
        var inbox = await Gateway.GetFolderIdAsync(mailbox, WellKnownFolders.Inbox, CancellationToken.None);

        Assert.True(await Gateway.SoftDeleteAsync(mailbox, messageId, CancellationToken.None));

        var deleted = await Gateway.GetLocationAsync(mailbox, messageId, CancellationToken.None);
        Assert.NotNull(deleted);
        Assert.NotEqual(inbox, deleted.ParentFolderId);
        Assert.Equal(messageId, await Gateway.MoveAsync(mailbox, messageId, inbox, CancellationToken.None));
        Assert.Equal(inbox, FolderOf(mailbox, messageId));
    }

    [Fact]
    public async Task SoftDelete_UnknownMessage_ReturnsFalse()
    {
        var mailbox = NewMailbox();

        Assert.False(await Gateway.SoftDeleteAsync(mailbox, "AAkALmVzc2FnZS10aGF0LWlzLW5vdC10aGVyZQ==", CancellationToken.None));
    }

    [Fact]
    public async Task Purge_SoftDeletedMessage_IsGoneForEveryCall()
    {
        var (mailbox, messageId, _) = Delivered();
        var inbox = await Gateway.GetFolderIdAsync(mailbox, WellKnownFolders.Inbox, CancellationToken.None);
        await Gateway.SoftDeleteAsync(mailbox, messageId, CancellationToken.None);

        PurgeRecoverableItems(mailbox);

        Assert.Null(FolderOf(mailbox, messageId));
        Assert.Null(await Gateway.GetMessageAsync(mailbox, messageId, long.MaxValue, CancellationToken.None));
        Assert.Null(await Gateway.GetLocationAsync(mailbox, messageId, CancellationToken.None));
        Assert.Null(await Gateway.MoveAsync(mailbox, messageId, inbox, CancellationToken.None));
        Assert.False(await Gateway.SoftDeleteAsync(mailbox, messageId, CancellationToken.None));
    }

    [Fact]
    public async Task FindMailboxId_UserPrincipalNameInAnyCaseOrUserId_ReturnsTheUserId()
    {
        var name = $"carol{Guid.NewGuid():N}@{Domain}";
        var carol = AddMailbox(name);

        Assert.Equal(carol, await Gateway.FindMailboxIdAsync(name.ToUpperInvariant(), CancellationToken.None));
        Assert.Equal(carol, await Gateway.FindMailboxIdAsync(carol, CancellationToken.None));
    }

    [Fact]
    public async Task FindMailboxId_AliasOrUnknownAddress_ReturnsNull()
    {
        var carol = NewMailbox();
        var alias = $"c.alias{Guid.NewGuid():N}@{Domain}";
        AddAlias(carol, alias);

        Assert.Null(await Gateway.FindMailboxIdAsync(alias, CancellationToken.None));
        Assert.Null(await Gateway.FindMailboxIdAsync($"nobody{Guid.NewGuid():N}@{Domain}", CancellationToken.None));
    }

    [Fact]
    public async Task FindRecipientMailboxes_UserPrincipalNameOrAliasInAnyCase_ReturnsTheUser()
    {
        var name = $"dave{Guid.NewGuid():N}@{Domain}";
        var dave = AddMailbox(name);
        var alias = $"d.alias{Guid.NewGuid():N}@{Domain}";
        AddAlias(dave, alias);

        Assert.Equal([dave], await Gateway.FindRecipientMailboxesAsync(name, CancellationToken.None));
        Assert.Equal([dave], await Gateway.FindRecipientMailboxesAsync(alias.ToUpperInvariant(), CancellationToken.None));
    }

    [Fact]
    public async Task FindRecipientMailboxes_NestedGroup_ReturnsEveryUserOnceAndNoContact()
    {
        var erin = NewMailbox();
        var frank = NewMailbox();
        var outer = AddGroup($"all{Guid.NewGuid():N}@{Domain}");
        var inner = AddGroup($"team{Guid.NewGuid():N}@{Domain}");
        var contact = AddContact($"partner{Guid.NewGuid():N}@partner.example");
        AddMember(outer, erin);
        AddMember(outer, inner);
        AddMember(outer, contact);
        AddMember(inner, frank);
        AddMember(inner, erin);
        var groupAlias = $"everyone{Guid.NewGuid():N}@{Domain}";
        AddAlias(outer, groupAlias);

        var found = await Gateway.FindRecipientMailboxesAsync(groupAlias, CancellationToken.None);

        Assert.Equal(new[] { erin, frank }.Order(StringComparer.Ordinal), found.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task FindRecipientMailboxes_ContactOrUnknownAddress_ReturnsNone()
    {
        var contact = $"partner{Guid.NewGuid():N}@partner.example";
        AddContact(contact);

        Assert.Empty(await Gateway.FindRecipientMailboxesAsync(contact, CancellationToken.None));
        Assert.Empty(await Gateway.FindRecipientMailboxesAsync($"nobody{Guid.NewGuid():N}@{Domain}", CancellationToken.None));
    }

    [Fact]
    public async Task FindRecipientMailboxes_ManyAddressesOfEveryKind_EachAsItsOwnLookupFindsIt()
    {
        var users = Enumerable.Range(0, 22).Select(i => $"many{i}-{Guid.NewGuid():N}@{Domain}").Select(address => (Address: address, Id: AddMailbox(address))).ToList();
        var alias = $"m.alias{Guid.NewGuid():N}@{Domain}";
        AddAlias(users[0].Id, alias);
        var member = NewMailbox();
        var group = AddGroup($"list{Guid.NewGuid():N}@{Domain}");
        AddMember(group, member);
        var listAddress = $"list-alias{Guid.NewGuid():N}@{Domain}";
        AddAlias(group, listAddress);
        var contact = $"partner{Guid.NewGuid():N}@partner.example";
        AddContact(contact);
        var unknown = $"nobody{Guid.NewGuid():N}@{Domain}";
        string[] addresses = [.. users.Select(u => u.Address), alias.ToUpperInvariant(), listAddress, contact, unknown];

        var found = await Gateway.FindRecipientMailboxesAsync(addresses, CancellationToken.None);

        Assert.Equal(addresses.Length, found.Count);
        Assert.All(users, u => Assert.Equal([u.Id], found[u.Address]));
        Assert.Equal([users[0].Id], found[alias]);
        Assert.Equal([member], found[listAddress]);
        Assert.Empty(found[contact]);
        Assert.Empty(found[unknown]);
    }

    [Fact]
    public async Task GetMailboxAddresses_UserWithAlias_ReturnsEveryAddressInLowerCase()
    {
        var name = $"Grace{Guid.NewGuid():N}@{Domain}";
        var grace = AddMailbox(name);
        var alias = $"G.Alias{Guid.NewGuid():N}@{Domain}";
        AddAlias(grace, alias);

        var addresses = await Gateway.GetMailboxAddressesAsync(grace, CancellationToken.None);

        Assert.Equal(new[] { name.ToLowerInvariant(), alias.ToLowerInvariant() }.Order(StringComparer.Ordinal), addresses.Order(StringComparer.Ordinal));
    }

    protected string NewMailbox() => AddMailbox($"user{Guid.NewGuid():N}@{Domain}");

    protected (string Mailbox, string MessageId, string InternetMessageId) Delivered()
    {
        var mailbox = NewMailbox();
        var internetMessageId = NewMessageId();
        return (mailbox, AddMessage(mailbox, Mime(internetMessageId)), internetMessageId);
    }

    private static string NewMessageId() => $"{Guid.NewGuid():N}@partner.example";

    private async Task<string?> FolderNameAsync(string mailbox, string messageId) =>
        FolderOf(mailbox, messageId) == await Gateway.GetFolderIdAsync(mailbox, WellKnownFolders.Inbox, CancellationToken.None) ? WellKnownFolders.Inbox : FolderOf(mailbox, messageId);

    // An outsider's invitation as Outlook writes one: a text part beside an iCalendar part whose method asks for a meeting.
    protected static string Invitation(string internetMessageId) =>
        $"From: events@partner.example\r\nTo: someone@{Domain}\r\nSubject: Password expiry review\r\nMessage-ID: <{internetMessageId}>\r\n" +
        "Date: Sun, 29 Nov 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary=\"b\"\r\n\r\n" +
        "--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nJoin us to review your password.\r\n" +
        "--b\r\nContent-Type: text/calendar; charset=utf-8; method=REQUEST\r\n\r\nBEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\n" +
        "UID:review-1\r\nSUMMARY:Password expiry review\r\nORGANIZER:mailto:events@partner.example\r\nDTSTART:20261201T100000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n--b--\r\n";

    protected static string Mime(string internetMessageId) =>
        $"From: billing@partner.example\r\nTo: someone@{Domain}\r\nSubject: Quarterly invoice\r\nMessage-ID: <{internetMessageId}>\r\n" +
        "Date: Sun, 29 Nov 2026 10:00:00 +0000\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nPlease find the invoice attached.\r\n";
}
