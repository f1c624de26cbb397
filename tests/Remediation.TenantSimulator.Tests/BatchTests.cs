using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Graph;
using Remediation.TenantSimulator.Tests.Infrastructure;

namespace Remediation.TenantSimulator.Tests;

public sealed class BatchTests : IAsyncLifetime
{
    private TestTenant sut = null!;

    public async Task InitializeAsync() => sut = await TestTenant.StartAsync(o =>
    {
        o.MaxConcurrentRequestsPerMailbox = 2;
        o.RequestLatency = TimeSpan.FromMilliseconds(200);
        o.ThrottleRetryAfterSeconds = 3;
    });

    public async Task DisposeAsync() => await sut.DisposeAsync();

    [Fact]
    public async Task Batch_ViaBatchRequestContentCollection_ReturnsEachItemsOwnStatus()
    {
        var stored = sut.Tenant.AppendAsImap(sut.Adele.Id, TestMime.Create(sut.Adele.UserPrincipalName, "batched"));
        var batch = new BatchRequestContentCollection(sut.Graph);
        var found = await batch.AddBatchRequestStepAsync(sut.Graph.Users[sut.Adele.Id].Messages[stored.MessageId].ToGetRequestInformation());
        var missing = await batch.AddBatchRequestStepAsync(sut.Graph.Users[sut.Alex.Id].Messages["AAMkAGNvbnRvc28="].ToGetRequestInformation());

        var response = await sut.Graph.Batch.PostAsync(batch);
        var statuses = await response.GetResponsesStatusCodesAsync();
        var message = await response.GetResponseByIdAsync<Microsoft.Graph.Models.Message>(found);

        Assert.Equal(HttpStatusCode.OK, statuses[found]);
        Assert.Equal(HttpStatusCode.NotFound, statuses[missing]);
        Assert.Equal("batched", message.Subject);
    }

    [Fact]
    public async Task Batch_FourItemsOnOneMailboxOverItsLimit_AnswersItemLevel429WithOwnRetryAfter()
    {
        var batch = new BatchRequestContentCollection(sut.Graph);
        for (var i = 0; i < 4; i++)
        {
            await batch.AddBatchRequestStepAsync(sut.Graph.Users[sut.Adele.Id].MailFolders["inbox"].ToGetRequestInformation());
        }

        var response = await sut.Graph.Batch.PostAsync(batch);
        var statuses = await response.GetResponsesStatusCodesAsync();
        var throttledId = statuses.First(s => s.Value == HttpStatusCode.TooManyRequests).Key;
        using var throttled = await response.GetResponseByIdAsync(throttledId);

        Assert.Equal(2, statuses.Values.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(2, statuses.Values.Count(s => s == HttpStatusCode.TooManyRequests));
        Assert.Equal(TimeSpan.FromSeconds(3), throttled.Headers.RetryAfter?.Delta);
        Assert.Equal(2, sut.Metrics.ForMailbox(sut.Adele.Id).Throttled);
        // The admitted items are one round trip, whichever item of the batch reached the mailbox first.
        Assert.Equal(1, sut.Metrics.ForMailbox(sut.Adele.Id).RoundTrips);
    }

    [Fact]
    public async Task Batch_MoreThanTwentyItems_Returns400()
    {
        var requests = new JsonArray([.. Enumerable.Range(1, 21).Select(i => (JsonNode)new JsonObject
        {
            ["id"] = i.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["method"] = "GET",
            ["url"] = "/users",
        })]);

        using var response = await sut.Http.PostAsJsonAsync("$batch", new JsonObject { ["requests"] = requests });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Batch_DependencyFailed_Returns424ForTheDependent()
    {
        var body = JsonNode.Parse($$$"""
            {"requests":[
              {"id":"1","method":"GET","url":"/users/nobody@contoso.example"},
              {"id":"2","method":"GET","url":"/users/{{{sut.Adele.Id}}}","dependsOn":["1"]},
              {"id":"3","method":"POST","url":"/users/{{{sut.Alex.Id}}}/mailFolders","body":{"displayName":"Quarantine"},"headers":{"Content-Type":"application/json"}}
            ]}
            """)!;

        using var response = await sut.Http.PostAsJsonAsync("$batch", body);
        var items = (await response.Content.ReadFromJsonAsync<JsonObject>())!["responses"]!.AsArray();
        int StatusOf(string id) => (int)items.Single(i => (string?)i!["id"] == id)!["status"]!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(404, StatusOf("1"));
        Assert.Equal(424, StatusOf("2"));
        Assert.Equal(201, StatusOf("3"));
        Assert.Equal("Quarantine", (string?)items.Single(i => (string?)i!["id"] == "3")!["body"]!["displayName"]);
    }

    [Fact]
    public async Task Batch_Items_CountAsMailboxRequests()
    {
        var body = JsonNode.Parse($$"""
            {"requests":[{"id":"a","method":"GET","url":"/users/{{sut.Alex.UserPrincipalName}}/mailFolders/inbox"},
                         {"id":"b","method":"GET","url":"users/{{sut.Alex.Id}}/messages?$top=1"}]}
            """)!;

        using var response = await sut.Http.PostAsJsonAsync("$batch", body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, sut.Metrics.ForMailbox(sut.Alex.Id).Requests);
    }

    [Fact]
    public async Task Batch_IsOneRoundTripToEachMailboxItsItemsReach()
    {
        var body = JsonNode.Parse($$"""
            {"requests":[{"id":"a","method":"GET","url":"/users/{{sut.Alex.UserPrincipalName}}/mailFolders/inbox"},
                         {"id":"b","method":"GET","url":"users/{{sut.Alex.Id}}/messages?$top=1"},
                         {"id":"c","method":"GET","url":"users/{{sut.Adele.Id}}/messages?$top=1"}]}
            """)!;

        using var response = await sut.Http.PostAsJsonAsync("$batch", body);
        await sut.Graph.Users[sut.Alex.Id].MailFolders["inbox"].GetAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((3, 2), (sut.Metrics.ForMailbox(sut.Alex.Id).Requests, sut.Metrics.ForMailbox(sut.Alex.Id).RoundTrips));
        Assert.Equal((1, 1), (sut.Metrics.ForMailbox(sut.Adele.Id).Requests, sut.Metrics.ForMailbox(sut.Adele.Id).RoundTrips));
    }

    [Fact]
    public async Task Requests_AreCountedByMethodAndRoute_BatchItemsByTheirOwn()
    {
        var body = JsonNode.Parse($$"""
            {"requests":[{"id":"a","method":"GET","url":"/users/{{sut.Alex.Id}}/messages?$top=1"},
                         {"id":"b","method":"GET","url":"/users/{{sut.Adele.Id}}/messages?$top=1"}]}
            """)!;
        using var response = await sut.Http.PostAsJsonAsync("$batch", body);
        await sut.Graph.Users[sut.Alex.Id].MailFolders["inbox"].GetAsync();

        var kinds = sut.Metrics.RequestsByKind;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, kinds["GET /v1.0/users/{user}/messages"]);
        Assert.Equal(1, kinds["POST /v1.0/$batch"]);
        Assert.Equal(1, kinds.Single(k => k.Key.StartsWith("GET /v1.0/users/{user}/mailFolders/", StringComparison.Ordinal)).Value);
        Assert.Equal(sut.Metrics.GraphRequests, kinds.Values.Sum());
    }

    [Fact]
    public async Task Batch_EightItemsOnOneMailbox_RunsAtMostFourAtOnceSoNoneIsThrottled()
    {
        await using var tenant = await TestTenant.StartAsync(o => o.RequestLatency = TimeSpan.FromMilliseconds(200));
        var requests = new JsonArray([.. Enumerable.Range(1, 8).Select(i => (JsonNode)new JsonObject
        {
            ["id"] = i.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["method"] = "GET",
            ["url"] = $"/users/{tenant.Adele.Id}/mailFolders/inbox",
        })]);

        using var response = await tenant.Http.PostAsJsonAsync("$batch", new JsonObject { ["requests"] = requests });
        var items = (await response.Content.ReadFromJsonAsync<JsonObject>())!["responses"]!.AsArray();

        Assert.All(items, i => Assert.Equal(200, (int)i!["status"]!));
        Assert.Equal(4, tenant.Metrics.ForMailbox(tenant.Adele.Id).PeakConcurrency);
    }
}
