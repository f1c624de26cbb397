using System.Text;
using System.Text.Json;
using Azure.Storage.Queues;
using Remediation.Core.Queues;
using Remediation.IntegrationTests.Fixtures;
using Remediation.IntegrationTests.Intake;
using Xunit.Abstractions;

namespace Remediation.IntegrationTests.Reliability;

/// <summary>
/// Over a thousand webhook bodies, hostile ones among valid ones and valid ones replayed: no server error, nothing
/// queued that should not be, every valid notification queued exactly once.
/// </summary>
public sealed class WebhookFuzzTests(AzuriteFixture azurite, ITestOutputHelper output) : IClassFixture<AzuriteFixture>
{
    private const string TenantId = "7d9a1c2e-0000-4000-8000-000000000002";
    private const string ClientState = "fuzz-client-state-0123456789abcdef";

    [Fact]
    public async Task Intake_ThousandsOfHostileValidAndReplayedBodies_QueuesEachValidNotificationExactlyOnce()
    {
        var (sut, scanQueue) = await IntakeOnAzurite.CreateAsync(azurite, TenantId, ClientState, new RecordingTelemetry(),
            (HostileBodies.SubscriptionId, HostileBodies.MailboxId));

        var random = new Random(20261129);
        var hostile = HostileBodies.Generate(seed: 1, TenantId, ClientState).ToList();
        var expected = new HashSet<string>();
        var sent = 0;
        int refused = 0, accepted = 0;
        for (var round = 0; round < 30; round++)
        {
            foreach (var (_, body, contentType) in hostile)
            {
                var response = await sut.HandleNotificationsAsync(null, contentType, new MemoryStream(body), CancellationToken.None);
                Assert.InRange(response.StatusCode, 400, 499);
                refused++;
            }
            // Valid notifications, some mixed with forged ones, some replayed from earlier rounds.
            for (var i = 0; i < 10; i++)
            {
                var message = round > 0 && random.Next(3) == 0 ? $"msg-{random.Next(round * 10)}" : $"msg-{round * 10 + i}";
                expected.Add(message);
                var items = new List<string> { Notification(message, ClientState, TenantId) };
                if (random.Next(2) == 0) items.Add(Notification("forged-" + message, ClientState + "!", TenantId));
                if (random.Next(2) == 0) items.Add(Notification("foreign-" + message, ClientState, "11111111-0000-0000-0000-000000000000"));
                var response = await sut.HandleNotificationsAsync(null, "application/json", new MemoryStream(Encoding.UTF8.GetBytes($$"""{"value":[{{string.Join(',', items)}}]}""")), CancellationToken.None);
                Assert.Equal(202, response.StatusCode);
                accepted++;
                sent++;
            }
        }

        var queued = await DrainAsync(scanQueue);
        output.WriteLine($"bodies: {refused + accepted} ({refused} refused, {accepted} accepted); distinct valid notifications: {expected.Count}; queued: {queued.Count}");
        // Both generators are seeded: every count is known, and the README prints them.
        Assert.Equal((1980, 300, 221), (refused, accepted, expected.Count));
        Assert.Equal(expected.Order(), queued.Order());
    }

    private static async Task<List<string>> DrainAsync(QueueClient queue)
    {
        var ids = new List<string>();
        while (true)
        {
            var batch = (await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(5))).Value;
            if (batch.Length == 0) return ids;
            ids.AddRange(batch.Select(m => WorkItemJson.Deserialize<ScanRequest>(m.Body.ToString()).MessageId));
        }
    }

    private static string Notification(string message, string clientState, string tenantId) => JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["subscriptionId"] = HostileBodies.SubscriptionId,
        ["clientState"] = clientState,
        ["tenantId"] = tenantId,
        ["changeType"] = "created",
        ["resource"] = $"Users/{HostileBodies.MailboxId}/Messages/{message}",
        ["resourceData"] = new Dictionary<string, string> { ["id"] = message },
    });
}
