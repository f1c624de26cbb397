using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Graph.Users.Item.MailFolders.Item.Messages.Delta;
using Microsoft.Graph.Users.Item.Messages.Item.Move;
using Remediation.TenantSimulator.Tests.Infrastructure;

namespace Remediation.TenantSimulator.Tests;

public sealed class DeltaTests : IAsyncLifetime
{
    private TestTenant sut = null!;

    public async Task InitializeAsync() => sut = await TestTenant.StartAsync();

    public async Task DisposeAsync() => await sut.DisposeAsync();

    private string Adele => sut.Adele.UserPrincipalName;

    [Fact]
    public async Task Delta_InitialThenIncremental_ReturnsAllThenOnlyNewAndRemoved()
    {
        var leaving = sut.Tenant.AppendAsImap(Adele, TestMime.Create(Adele, "will be moved"));
        var deleted = sut.Tenant.AppendAsImap(Adele, TestMime.Create(Adele, "will be deleted"));
        for (var i = 0; i < 12; i++)
        {
            sut.Tenant.AppendAsImap(Adele, TestMime.Create(Adele, $"initial {i}"));
        }

        var (initial, deltaLink) = await ReadAllPagesAsync(sut.Graph.Users[Adele].MailFolders["inbox"].Messages.Delta.GetAsDeltaGetResponseAsync());
        await sut.Graph.Users[Adele].Messages[leaving.MessageId].Move.PostAsync(new MovePostRequestBody { DestinationId = "junkemail" });
        await sut.Graph.Users[Adele].Messages[deleted.MessageId].PermanentDelete.PostAsync();
        var added = sut.Tenant.AppendAsImap(Adele, TestMime.Create(Adele, "new"));
        var (changes, nextDeltaLink) = await ReadAllPagesAsync(
            sut.Graph.Users[Adele].MailFolders["inbox"].Messages.Delta.WithUrl(deltaLink).GetAsDeltaGetResponseAsync());
        var (nothing, _) = await ReadAllPagesAsync(
            sut.Graph.Users[Adele].MailFolders["inbox"].Messages.Delta.WithUrl(nextDeltaLink).GetAsDeltaGetResponseAsync());

        Assert.Equal(1, sut.Metrics.DeltaRoundsStarted);
        Assert.Equal(14, initial.Count);
        Assert.Equal(3, changes.Count);
        Assert.Contains(changes, m => m.Id == added.MessageId && m.Subject == "new");
        var removed = changes.Where(m => m.AdditionalData.ContainsKey("@removed")).Select(m => m.Id).Order();
        Assert.Equal(new[] { leaving.MessageId, deleted.MessageId }.Order(), removed);
        Assert.Empty(nothing);
    }

    [Fact]
    public async Task Delta_GarbledDeltaToken_Returns400SyncStateNotFound()
    {
        var (_, deltaLink) = await ReadAllPagesAsync(sut.Graph.Users[Adele].MailFolders["inbox"].Messages.Delta.GetAsDeltaGetResponseAsync());
        var garbled = deltaLink[..^4] + "XXXX";

        var error = await Assert.ThrowsAsync<ODataError>(() =>
            sut.Graph.Users[Adele].MailFolders["inbox"].Messages.Delta.WithUrl(garbled).GetAsDeltaGetResponseAsync());

        Assert.Equal(400, error.ResponseStatusCode);
        Assert.Equal("syncStateNotFound", error.Error?.Code);
    }

    [Fact]
    public async Task Delta_TokenOfAnotherFolder_Returns400SyncStateNotFound()
    {
        var (_, deltaLink) = await ReadAllPagesAsync(sut.Graph.Users[Adele].MailFolders["inbox"].Messages.Delta.GetAsDeltaGetResponseAsync());
        var token = deltaLink[(deltaLink.IndexOf('?', StringComparison.Ordinal) + 1)..];

        using var response = await sut.Http.GetAsync($"users/{Adele}/mailFolders/archive/messages/delta?{token}");
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("syncStateNotFound", (string?)body!["error"]!["code"]);
    }

    [Fact]
    public async Task Delta_MaxPageSizePreference_PagesWithNextLinksBeforeTheDeltaLink()
    {
        for (var i = 0; i < 5; i++)
        {
            sut.Tenant.AppendAsImap(Adele, TestMime.Create(Adele, $"m{i}"));
        }

        var first = await sut.Graph.Users[Adele].MailFolders["inbox"].Messages.Delta.GetAsDeltaGetResponseAsync(r =>
            r.Headers.Add("Prefer", "odata.maxpagesize=2"));
        var (all, deltaLink) = await ReadAllPagesAsync(Task.FromResult(first));

        Assert.Equal(2, first!.Value!.Count);
        Assert.Null(first.OdataDeltaLink);
        Assert.StartsWith(sut.Simulator.GraphBaseUrl, first.OdataNextLink);
        Assert.Equal(5, all.Count);
        Assert.Contains("$deltatoken=", deltaLink, StringComparison.Ordinal);
    }

    // https://learn.microsoft.com/graph/delta-query-messages: delta is per folder, any folder of the hierarchy by id.
    [Fact]
    public async Task Delta_NestedUserFolderById_ReturnsItsMessagesOnly()
    {
        var nested = sut.Adele.AddFolder("Projects/2026");
        sut.Tenant.AppendAsImap(Adele, TestMime.Create(Adele, "nested"), "Projects/2026");
        sut.Tenant.AppendAsImap(Adele, TestMime.Create(Adele, "inbox"));

        var (items, _) = await ReadAllPagesAsync(sut.Graph.Users[Adele].MailFolders[nested].Messages.Delta.GetAsDeltaGetResponseAsync(
            r => r.QueryParameters.Select = ["subject"]));

        Assert.Equal(["nested"], items.Select(m => m.Subject));
    }

    // https://learn.microsoft.com/graph/api/message-delta: "$filter=receivedDateTime+ge+{value}" (or gt) bounds the
    // first round, and Graph encodes the query options of the first request into the links it returns.
    [Theory]
    [InlineData("ge")]
    [InlineData("gt")]
    public async Task Delta_ReceivedDateTimeFilter_ReturnsOnlyNewerMailInEveryRound(string op)
    {
        var now = DateTimeOffset.UtcNow;
        sut.Tenant.AppendAsImap(Adele, TestMime.Create(Adele, "a month old"), receivedAt: now.AddDays(-30));
        sut.Tenant.AppendAsImap(Adele, TestMime.Create(Adele, "yesterday"), receivedAt: now.AddDays(-1));
        var since = now.AddDays(-7).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);

        var (first, deltaLink) = await ReadAllPagesAsync(sut.Graph.Users[Adele].MailFolders["inbox"].Messages.Delta.GetAsDeltaGetResponseAsync(r =>
        {
            r.QueryParameters.Filter = $"receivedDateTime {op} {since}";
            r.QueryParameters.Select = ["subject"];
        }));
        sut.Tenant.AppendAsImap(Adele, TestMime.Create(Adele, "backdated"), receivedAt: now.AddDays(-20));
        sut.Tenant.AppendAsImap(Adele, TestMime.Create(Adele, "new"));
        var (next, _) = await ReadAllPagesAsync(sut.Graph.Users[Adele].MailFolders["inbox"].Messages.Delta.WithUrl(deltaLink).GetAsDeltaGetResponseAsync());

        Assert.Equal(["yesterday"], first.Select(m => m.Subject));
        Assert.Equal(["new"], next.Select(m => m.Subject));
    }

    // https://learn.microsoft.com/graph/delta-query-messages: "Using a $filter in a delta query only returns up to 5,000
    // messages". What the cut leaves out is not returned by later rounds either.
    [Fact]
    public async Task Delta_FilteredRoundOverTheLimit_ReturnsTheLimitAndNeverTheRest()
    {
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i <= 5_000; i++)
        {
            sut.Tenant.AppendAsImap(Adele, TestMime.Create(Adele, $"m{i}"), receivedAt: now.AddSeconds(-i));
        }
        var since = now.AddDays(-1).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);

        var (first, deltaLink) = await ReadAllPagesAsync(sut.Graph.Users[Adele].MailFolders["inbox"].Messages.Delta.GetAsDeltaGetResponseAsync(r =>
        {
            r.QueryParameters.Filter = $"receivedDateTime ge {since}";
            r.QueryParameters.Select = ["subject"];
            r.Headers.Add("Prefer", "odata.maxpagesize=1000");
        }));
        var (next, _) = await ReadAllPagesAsync(sut.Graph.Users[Adele].MailFolders["inbox"].Messages.Delta.WithUrl(deltaLink).GetAsDeltaGetResponseAsync());
        var (unfiltered, _) = await ReadAllPagesAsync(sut.Graph.Users[Adele].MailFolders["inbox"].Messages.Delta.GetAsDeltaGetResponseAsync(r =>
            r.Headers.Add("Prefer", "odata.maxpagesize=1000")));

        Assert.Equal(5_000, first.Count);
        Assert.Empty(next);
        Assert.Equal(5_001, unfiltered.Count);
    }

    // https://learn.microsoft.com/graph/api/message-delta: receivedDateTime ge|gt is the only supported $filter; Graph
    // refuses others with 400 ErrorInvalidUrlQuery (the answer quoted in microsoftgraph/msgraph-sdk-dotnet#1512).
    [Theory]
    [InlineData("subject eq 'Invoice'")]
    [InlineData("receivedDateTime le 2026-01-01T00:00:00Z")]
    [InlineData("internetMessageId eq '<a@b>'")]
    [InlineData("receivedDateTime ge 2026-01-01T00:00:00Z and isRead eq false")]
    public async Task Delta_OtherFilter_Returns400ErrorInvalidUrlQuery(string filter)
    {
        var error = await Assert.ThrowsAsync<ODataError>(() =>
            sut.Graph.Users[Adele].MailFolders["inbox"].Messages.Delta.GetAsDeltaGetResponseAsync(r => r.QueryParameters.Filter = filter));

        Assert.Equal(400, error.ResponseStatusCode);
        Assert.Equal("ErrorInvalidUrlQuery", error.Error?.Code);
        Assert.Contains("receivedDateTime ge value", error.Error?.Message, StringComparison.Ordinal);
    }

    private async Task<(List<Microsoft.Graph.Models.Message> Items, string DeltaLink)> ReadAllPagesAsync(Task<DeltaGetResponse?> firstPage)
    {
        var items = new List<Microsoft.Graph.Models.Message>();
        var page = await firstPage;
        while (true)
        {
            items.AddRange(page!.Value!);
            if (page.OdataDeltaLink is { } deltaLink)
            {
                return (items, deltaLink);
            }

            page = await sut.Graph.Users[Adele].MailFolders["inbox"].Messages.Delta.WithUrl(page.OdataNextLink!).GetAsDeltaGetResponseAsync();
        }
    }
}
