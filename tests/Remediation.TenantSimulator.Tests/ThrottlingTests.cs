using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Remediation.TenantSimulator.Tests.Infrastructure;

namespace Remediation.TenantSimulator.Tests;

public sealed class ThrottlingTests
{
    [Fact]
    public async Task ConcurrentRequests_MoreThanFourToOneMailbox_Answer429WithRetryAfter()
    {
        await using var sut = await TestTenant.StartAsync(o => o.RequestLatency = TimeSpan.FromMilliseconds(400));

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => sut.Http.GetAsync($"users/{sut.Adele.Id}/mailFolders/inbox")));
        var throttled = responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        var error = await throttled[0].Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal(4, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(4, throttled.Count);
        Assert.All(throttled, r => Assert.Equal(TimeSpan.FromSeconds(1), r.Headers.RetryAfter?.Delta));
        Assert.Equal("ApplicationThrottled", (string?)error!["error"]!["code"]);
        Assert.Equal("Application is over its MailboxConcurrency limit.", (string?)error["error"]!["message"]);
        Assert.Equal(new MailboxMetrics(sut.Adele.Id, Requests: 4, PeakConcurrency: 4, Throttled: 4, RoundTrips: 4), sut.Metrics.ForMailbox(sut.Adele.Id));
        Assert.Equal(4, sut.Metrics.ThrottledRequests);
    }

    [Fact]
    public async Task ConcurrentRequests_ByUpnAndById_ShareOneMailboxGate()
    {
        await using var sut = await TestTenant.StartAsync(o => o.RequestLatency = TimeSpan.FromMilliseconds(400));

        var paths = Enumerable.Range(0, 6).Select(i => $"users/{(i % 2 == 0 ? sut.Adele.Id : sut.Adele.UserPrincipalName)}/messages");
        var responses = await Task.WhenAll(paths.Select(p => sut.Http.GetAsync(p)));

        Assert.Equal(2, responses.Count(r => r.StatusCode == HttpStatusCode.TooManyRequests));
        Assert.Equal(4, sut.Metrics.ForMailbox(sut.Adele.Id).PeakConcurrency);
    }

    [Fact]
    public async Task ConcurrentRequests_DifferentMailboxes_AreNotThrottled()
    {
        await using var sut = await TestTenant.StartAsync(o => o.RequestLatency = TimeSpan.FromMilliseconds(200));

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            sut.Http.GetAsync($"users/{(i % 2 == 0 ? sut.Adele.Id : sut.Alex.Id)}/mailFolders/inbox")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(4, sut.Metrics.ForMailbox(sut.Adele.Id).PeakConcurrency);
        Assert.Equal(4, sut.Metrics.ForMailbox(sut.Alex.Id).PeakConcurrency);
    }

    [Fact]
    public async Task GraphClientWithRetryHandler_OverConcurrencyLimit_EventuallySucceeds()
    {
        await using var sut = await TestTenant.StartAsync(o => o.RequestLatency = TimeSpan.FromMilliseconds(200));

        var folders = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => sut.Graph.Users[sut.Adele.Id].MailFolders["inbox"].GetAsync()));

        Assert.All(folders, f => Assert.Equal("Inbox", f!.DisplayName));
        Assert.True(sut.Metrics.ThrottledRequests > 0);
        Assert.True(sut.Metrics.ForMailbox(sut.Adele.Id).PeakConcurrency <= 4);
    }

    [Fact]
    public async Task Requests_OverMailboxBudget_Answer429UntilTheWindowPasses()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var sut = await TestTenant.StartAsync(o =>
        {
            o.MailboxRequestBudget = 3;
            o.MailboxBudgetWindow = TimeSpan.FromMinutes(10);
        }, time);

        var withinBudget = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            withinBudget.Add((await sut.Http.GetAsync($"users/{sut.Adele.Id}/messages")).StatusCode);
        }

        using var overBudget = await sut.Http.GetAsync($"users/{sut.Adele.Id}/messages");
        using var otherMailbox = await sut.Http.GetAsync($"users/{sut.Alex.Id}/messages");
        time.Advance(TimeSpan.FromMinutes(10));
        using var nextWindow = await sut.Http.GetAsync($"users/{sut.Adele.Id}/messages");

        Assert.All(withinBudget, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, overBudget.StatusCode);
        Assert.NotNull(overBudget.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, otherMailbox.StatusCode);
        Assert.Equal(HttpStatusCode.OK, nextWindow.StatusCode);
    }

    [Fact]
    public async Task TransientFaults_SameSeed_AnswerTheSame503And504SequenceWithRetryAfter()
    {
        static async Task<List<HttpStatusCode>> StatusesAsync()
        {
            await using var sut = await TestTenant.StartAsync(o =>
            {
                o.TransientFaultRate = 0.4;
                o.Seed = 1234;
            });
            var statuses = new List<HttpStatusCode>();
            for (var i = 0; i < 30; i++)
            {
                using var response = await sut.Http.GetAsync($"users/{sut.Adele.Id}/mailFolders/inbox");
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    Assert.NotNull(response.Headers.RetryAfter);
                }

                statuses.Add(response.StatusCode);
            }

            Assert.Equal(statuses.Count(s => s != HttpStatusCode.OK), sut.Metrics.FaultsInjected);
            return statuses;
        }

        var first = await StatusesAsync();
        var second = await StatusesAsync();

        Assert.Equal(first, second);
        Assert.Contains(HttpStatusCode.ServiceUnavailable, first);
        Assert.Contains(HttpStatusCode.GatewayTimeout, first);
        Assert.Contains(HttpStatusCode.OK, first);
    }

    [Fact]
    public async Task SlowResponses_RateOne_DelayEveryRequest()
    {
        await using var sut = await TestTenant.StartAsync(o =>
        {
            o.SlowResponseRate = 1;
            o.SlowResponseDelay = TimeSpan.FromMilliseconds(300);
        });

        var started = System.Diagnostics.Stopwatch.StartNew();
        using var response = await sut.Http.GetAsync($"users/{sut.Adele.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(started.Elapsed >= TimeSpan.FromMilliseconds(300));
        Assert.Equal(1, sut.Metrics.SlowResponsesInjected);
    }
}
