using System.Text;
using Remediation.Core.Campaigns;
using Remediation.Core.Queues;
using Remediation.Core.Remediation;

namespace Remediation.Core.Tests;

public class WorkItemJsonTests
{
    [Fact]
    public void Serialize_RemediationJob_RoundTripsWithActionAsText()
    {
        var job = new RemediationJob("c1", [new("alice@contoso.example", ["m1"], ["<id@x>"]), new("bob@contoso.example", ["m2", "m3"], [])],
            RemediationAction.MoveToJunk, ["RULE"], DateTimeOffset.UnixEpoch);

        var json = WorkItemJson.Serialize(job);

        Assert.Contains("\"action\":\"MoveToJunk\"", json, StringComparison.Ordinal);
        var back = WorkItemJson.Deserialize<RemediationJob>(json);
        Assert.Equal((job.CampaignId, job.Action, job.NotifiedAt), (back.CampaignId, back.Action, back.NotifiedAt));
        Assert.Equal(job.Mailboxes.Select(Describe), back.Mailboxes.Select(Describe));
        Assert.Equal(job.Rules, back.Rules);
    }

    [Fact]
    public void Serialize_RemediationJob_WritesTheSendersMailboxOnlyWhereItIsOne()
    {
        var job = new RemediationJob("c1", [new("alice", [], ["<id@x>"], SendersMailbox: true), new("bob", [], ["<id@x>"])], RemediationAction.Quarantine, ["RULE"], DateTimeOffset.UnixEpoch);

        var json = WorkItemJson.Serialize(job);

        Assert.Equal(1, json.Split("\"sendersMailbox\":true").Length - 1);
        Assert.Equal(1, json.Split("sendersMailbox").Length - 1);
        Assert.Equal([true, false], WorkItemJson.Deserialize<RemediationJob>(json).Mailboxes.Select(m => m.SendersMailbox));
    }

    // Seeds queued, and campaigns stored, before the user's own copy took in Drafts and the Outbox say "sentCopy".
    [Fact]
    public void Deserialize_SeedWrittenBeforeTheOwnCopyRename_KeepsItsOwnCopy()
    {
        const string stored = """{"campaignId":"c1","mailboxId":"alice","messageId":"m1","internetMessageId":null,"category":"Phishing","score":14,"rules":["R"],"notifiedAt":"2026-12-01T00:00:00+00:00","sentCopy":true}""";

        var seed = WorkItemJson.Deserialize<MaliciousMessage>(stored);

        Assert.True(seed.OwnCopy);
        Assert.Contains("\"sentCopy\":true", WorkItemJson.Serialize(seed), StringComparison.Ordinal);
    }

    // A seed (or a campaign's stored seed) says its arrival points through its rules, whenever it was written.
    [Fact]
    public void Deserialize_Seed_ReadsItsContentScoreFromItsRules()
    {
        const string stored = """{"campaignId":"c1","mailboxId":"alice","messageId":"m1","internetMessageId":null,"category":"Phishing","score":13,"rules":["BRAND_IMPERSONATION","TRANSPORT_BYPASS","NO_RECEIVED_HOPS"],"notifiedAt":"2026-12-01T00:00:00+00:00"}""";

        var seed = WorkItemJson.Deserialize<MaliciousMessage>(stored);

        Assert.Equal(10.5, seed.ContentScore);
        Assert.DoesNotContain("contentScore", WorkItemJson.Serialize(seed), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Serialize_JobsPackedFromTheLongestMessageIds_EachFitsInAQueueMessage()
    {
        // A sender's worst: Message-IDs of 998 characters that JSON escapes, six characters each.
        var longest = "<" + new string('>', 996) + ">";
        var work = Enumerable.Range(0, 40).Select(i => new MailboxCopies(Guid.NewGuid().ToString(), [new string('A', 152)], [longest])).ToList();

        var jobs = DispatchPlan.Pack(work, mailboxesPerJob: 16, DispatchPlan.IdCharsPerJob);

        Assert.All(jobs, mailboxes =>
        {
            var json = WorkItemJson.Serialize(new RemediationJob(new string('c', 64), mailboxes, RemediationAction.Quarantine, ["RULE"], DateTimeOffset.UnixEpoch, new string('f', 64)));
            Assert.InRange(Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).Length, 1, 64 * 1024);
        });
        Assert.Equal(work.Count, jobs.Sum(j => j.Count));
    }

    private static string Describe(MailboxCopies mailbox) => $"{mailbox.MailboxId}: {string.Join(',', mailbox.MessageIds)} | {string.Join(',', mailbox.InternetMessageIds)}";

    [Theory]
    [InlineData("not json")]
    [InlineData("null")]
    public void Deserialize_Garbage_ThrowsInvalidData(string payload)
    {
        Assert.Throws<InvalidDataException>(() => WorkItemJson.Deserialize<ScanRequest>(payload));
    }
}
