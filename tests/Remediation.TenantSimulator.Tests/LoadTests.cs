using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Remediation.TenantSimulator.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Remediation.TenantSimulator.Tests;

public sealed class LoadTests(ITestOutputHelper output)
{
    private const int Mailboxes = 64;
    private const int Workers = 32;
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task ConcurrentGets_SpreadOverManyMailboxes_AllAnswer200()
    {
        await using var sut = await TestTenant.StartAsync();
        var mailboxes = Enumerable.Range(0, Mailboxes).Select(i => sut.Tenant.AddMailbox($"load{i}@contoso.example", $"Load {i}")).ToList();
        var statuses = new ConcurrentDictionary<HttpStatusCode, int>();
        var clock = Stopwatch.StartNew();

        // Each worker owns its own mailboxes, so no mailbox sees more requests at once than it allows.
        await Task.WhenAll(Enumerable.Range(0, Workers).Select(worker => Task.Run(async () =>
        {
            var owned = mailboxes.Where((_, i) => i % Workers == worker).ToList();
            for (var n = 0; clock.Elapsed < Duration; n++)
            {
                using var response = await sut.Http.GetAsync($"users/{owned[n % owned.Count].Id}/mailFolders/inbox");
                statuses.AddOrUpdate(response.StatusCode, 1, (_, count) => count + 1);
            }
        })));
        var elapsed = clock.Elapsed;

        var total = statuses.Values.Sum();
        output.WriteLine($"{total} requests in {elapsed.TotalSeconds:0.00} s: {total / elapsed.TotalSeconds:0} requests/s over {Mailboxes} mailboxes with {Workers} workers");
        Assert.Equal([HttpStatusCode.OK], statuses.Keys);
        Assert.Equal(total, mailboxes.Sum(m => sut.Metrics.ForMailbox(m.Id).Requests));
    }
}
