using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Graph.Users.Item.Messages.Item.Move;
using Remediation.TenantSimulator.Tests.Infrastructure;

namespace Remediation.TenantSimulator.Tests;

public sealed class MessageTests : IAsyncLifetime
{
    private const string ImmutableIds = "IdType=\"ImmutableId\"";
    private TestTenant sut = null!;

    public async Task InitializeAsync() => sut = await TestTenant.StartAsync();

    public async Task DisposeAsync() => await sut.DisposeAsync();

    private string Adele => sut.Adele.UserPrincipalName;

    [Fact]
    public async Task ListMessages_MoreThanOnePage_PageIteratorReturnsEveryMessage()
    {
        for (var i = 0; i < 23; i++)
        {
            sut.Tenant.AppendAsImap(Adele, TestMime.Create(Adele, $"message {i}"), i % 2 == 0 ? "inbox" : "archive");
        }

        var firstPage = await sut.Graph.Users[Adele].Messages.GetAsync();
        var subjects = new List<string>();
        var iterator = PageIterator<Message, MessageCollectionResponse>.CreatePageIterator(sut.Graph, firstPage!, message =>
        {
            subjects.Add(message.Subject!);
            return true;
        });
        await iterator.IterateAsync();

        Assert.Equal(10, firstPage!.Value!.Count);
        Assert.StartsWith(sut.Simulator.GraphBaseUrl, firstPage.OdataNextLink);
        Assert.Equal(Enumerable.Range(0, 23).Select(i => $"message {i}").Order(), subjects.Order());
    }

    [Fact]
    public async Task ListMessages_SoftDeletedMessage_IsLeftOut()
    {
        var kept = sut.Tenant.AppendAsImap(Adele, TestMime.Create(Adele, "kept"));
        var deleted = sut.Tenant.AppendAsImap(Adele, TestMime.Create(Adele, "deleted"));
        await sut.Graph.Users[Adele].Messages[deleted.MessageId].DeleteAsync();

        var messages = await sut.Graph.Users[Adele].Messages.GetAsync();

        Assert.Equal([kept.MessageId], messages!.Value!.Select(m => m.Id));
    }

    [Fact]
    public async Task GetMessage_SelectWithoutHeaders_ReturnsOnlySelectedPropertiesAndNoHeaders()
    {
        var stored = sut.Tenant.DeliverThroughTransport(TestMime.Sample("invoice-lure.eml")).First(d => d.MailboxId == sut.Adele.Id);

        var message = await sut.Graph.Users[Adele].Messages[stored.MessageId].GetAsync(r =>
            r.QueryParameters.Select = ["subject", "from", "internetMessageId"]);

        Assert.Equal(stored.MessageId, message!.Id);
        Assert.Equal("Overdue invoice INV-20931 - action required", message.Subject);
        Assert.Equal("billing@fabrikam-invoices.example", message.From!.EmailAddress!.Address);
        Assert.Null(message.InternetMessageHeaders);
        Assert.Null(message.ToRecipients);
        Assert.Null(message.Body);
    }

    [Fact]
    public async Task GetMessage_WithoutSelect_ProjectsTheMimeButNoHeaders()
    {
        var stored = sut.Tenant.AppendAsImap(Adele, TestMime.Sample("invoice-lure.eml"));

        var message = await sut.Graph.Users[Adele].Messages[stored.MessageId].GetAsync();

        Assert.Null(message!.InternetMessageHeaders);
        Assert.Equal("<20250303074211.4f1c9e@mail.fabrikam-invoices.example>", message.InternetMessageId);
        Assert.Equal(["adele.vance@contoso.example"], message.ToRecipients!.Select(r => r.EmailAddress!.Address));
        Assert.Equal(["alex.wilber@contoso.example"], message.CcRecipients!.Select(r => r.EmailAddress!.Address));
        Assert.Equal(["payments@collect-fabrikam.example"], message.ReplyTo!.Select(r => r.EmailAddress!.Address));
        Assert.Equal(new DateTimeOffset(2025, 3, 3, 7, 42, 11, TimeSpan.Zero), message.SentDateTime);
        Assert.Equal(sut.Adele.ResolveFolderId("inbox"), message.ParentFolderId);
        Assert.True(message.HasAttachments);
        Assert.False(message.IsDraft);
        Assert.Equal(BodyType.Html, message.Body!.ContentType);
        Assert.StartsWith("Dear customer, Invoice INV-20931 is overdue.", message.BodyPreview);
    }

    [Fact]
    public async Task GetMessage_SelectWithHeaders_ReturnsInternetMessageHeaders()
    {
        var stored = sut.Tenant.AppendAsImap(Adele, TestMime.Sample("invoice-lure.eml"));

        var message = await sut.Graph.Users[Adele].Messages[stored.MessageId].GetAsync(r =>
            r.QueryParameters.Select = ["subject", "internetMessageHeaders"]);

        Assert.Contains(message!.InternetMessageHeaders!, h => h.Name == "Return-Path" && h.Value == "<billing@fabrikam-invoices.example>");
        Assert.Contains(message.InternetMessageHeaders!, h => h.Name == "Subject" && h.Value == "Overdue invoice INV-20931 - action required");
    }

    [Fact]
    public async Task GetContent_StoredMessage_StreamEqualsStoredMime()
    {
        var mime = TestMime.Sample("invoice-lure.eml");
        var stored = sut.Tenant.AppendAsImap(Adele, mime);

        await using var stream = await sut.Graph.Users[Adele].Messages[stored.MessageId].Content.GetAsync();
        using var reader = new StreamReader(stream!);

        Assert.Equal(mime, await reader.ReadToEndAsync());
    }

    [Fact]
    public async Task ListMessages_FilterOnInternetMessageId_ReturnsEveryCopyInTheMailbox()
    {
        const string id = "<campaign-1@fabrikam.example>";
        sut.Tenant.AppendAsImap(Adele, TestMime.Create(Adele, "copy in inbox", id));
        sut.Tenant.AppendAsImap(Adele, TestMime.Create(Adele, "copy in archive", id), "archive");
        sut.Tenant.AppendAsImap(Adele, TestMime.Create(Adele, "other", "<other@fabrikam.example>"));

        var matches = await sut.Graph.Users[Adele].Messages.GetAsync(r => r.QueryParameters.Filter = $"internetMessageId eq '{id}'");

        Assert.Equal(["copy in archive", "copy in inbox"], matches!.Value!.Select(m => m.Subject).Order());
    }

    [Fact]
    public async Task ListMessages_FilterOnInternetMessageIdWithQuote_MatchesTheUnescapedId()
    {
        const string id = "<o'brien+1@fabrikam.example>";
        sut.Tenant.AppendAsImap(Adele, TestMime.Create(Adele, "quoted", id));
        sut.Tenant.AppendAsImap(Adele, TestMime.Create(Adele, "other", "<obrien+1@fabrikam.example>"));

        var matches = await sut.Graph.Users[Adele].Messages.GetAsync(r =>
            r.QueryParameters.Filter = $"internetMessageId eq '{id.Replace("'", "''", StringComparison.Ordinal)}'");

        Assert.Equal(["quoted"], matches!.Value!.Select(m => m.Subject));
    }

    [Fact]
    public async Task ListMessages_UnsupportedFilter_Returns400()
    {
        var error = await Assert.ThrowsAsync<ODataError>(() =>
            sut.Graph.Users[Adele].Messages.GetAsync(r => r.QueryParameters.Filter = "subject eq 'x'"));

        Assert.Equal(400, error.ResponseStatusCode);
    }

    [Fact]
    public async Task Move_WithoutPreferHeader_Returns201WithNewIdAndOldIdIsGone()
    {
        var stored = sut.Tenant.AppendAsImap(Adele, TestMime.Create(Adele));

        var moved = await sut.Graph.Users[Adele].Messages[stored.MessageId].Move.PostAsync(new MovePostRequestBody { DestinationId = "junkemail" });
        var error = await Assert.ThrowsAsync<ODataError>(() => sut.Graph.Users[Adele].Messages[stored.MessageId].GetAsync());
        var byImmutableId = await sut.Graph.Users[Adele].Messages[stored.ImmutableId].GetAsync();

        Assert.NotEqual(stored.MessageId, moved!.Id);
        Assert.Equal(sut.Adele.ResolveFolderId("junkemail"), moved.ParentFolderId);
        Assert.Equal(404, error.ResponseStatusCode);
        Assert.Equal(moved.Id, byImmutableId!.Id);
    }

    [Fact]
    public async Task Move_WithImmutableIdPreference_KeepsTheImmutableId()
    {
        var stored = sut.Tenant.AppendAsImap(Adele, TestMime.Create(Adele));
        var archive = sut.Adele.ResolveFolderId("archive");

        var moved = await sut.Graph.Users[Adele].Messages[stored.ImmutableId].Move.PostAsync(
            new MovePostRequestBody { DestinationId = archive }, r => r.Headers.Add("Prefer", ImmutableIds));
        var movedBack = await sut.Graph.Users[Adele].Messages[stored.ImmutableId].Move.PostAsync(
            new MovePostRequestBody { DestinationId = "inbox" }, r => r.Headers.Add("Prefer", ImmutableIds));

        Assert.Equal(stored.ImmutableId, moved!.Id);
        Assert.Equal(archive, moved.ParentFolderId);
        Assert.Equal(stored.ImmutableId, movedBack!.Id);
        Assert.Equal("inbox", sut.Tenant.FindMessage(Adele, stored.ImmutableId)!.FolderWellKnownName);
    }

    [Fact]
    public async Task Move_UnknownMessage_Returns404ErrorItemNotFound()
    {
        var error = await Assert.ThrowsAsync<ODataError>(() =>
            sut.Graph.Users[Adele].Messages["AAMkAGNvbnRvc28="].Move.PostAsync(new MovePostRequestBody { DestinationId = "archive" }));

        Assert.Equal(404, error.ResponseStatusCode);
        Assert.Equal("ErrorItemNotFound", error.Error?.Code);
    }

    [Fact]
    public async Task Delete_Message_Returns204AndKeepsItRecoverable()
    {
        var stored = sut.Tenant.AppendAsImap(Adele, TestMime.Create(Adele));

        await sut.Graph.Users[Adele].Messages[stored.MessageId].DeleteAsync();

        var recoverable = Assert.Single(sut.Tenant.MessagesIn(Adele, "recoverableitemsdeletions"));
        Assert.Equal(stored.ImmutableId, recoverable.ImmutableId);
        Assert.True(recoverable.IsDeleted);
        Assert.Empty(sut.Tenant.MessagesIn(Adele, "inbox"));
    }

    [Fact]
    public async Task PermanentDelete_Message_Returns204AndLaterReadsAnswer404ErrorItemNotFound()
    {
        var stored = sut.Tenant.AppendAsImap(Adele, TestMime.Create(Adele));

        await sut.Graph.Users[Adele].Messages[stored.MessageId].PermanentDelete.PostAsync();
        var error = await Assert.ThrowsAsync<ODataError>(() => sut.Graph.Users[Adele].Messages[stored.ImmutableId].GetAsync());
        var again = await Assert.ThrowsAsync<ODataError>(() => sut.Graph.Users[Adele].Messages[stored.MessageId].PermanentDelete.PostAsync());

        Assert.Null(sut.Tenant.FindMessage(Adele, stored.ImmutableId));
        Assert.Equal(404, error.ResponseStatusCode);
        Assert.Equal("ErrorItemNotFound", error.Error?.Code);
        Assert.False(string.IsNullOrEmpty(error.Error?.Message));
        Assert.Equal(404, again.ResponseStatusCode);
    }
}
