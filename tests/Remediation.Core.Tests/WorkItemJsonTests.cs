using Remediation.Core.Queues;
using Remediation.Core.Remediation;

namespace Remediation.Core.Tests;

public class WorkItemJsonTests
{
    [Fact]
    public void Serialize_RemediationJob_RoundTripsWithActionAsText()
    {
        var job = new RemediationJob("c1", "alice@contoso.example", ["m1"], ["<id@x>"], RemediationAction.MoveToJunk, ["RULE"], DateTimeOffset.UnixEpoch);

        var json = WorkItemJson.Serialize(job);

        Assert.Contains("\"action\":\"MoveToJunk\"", json, StringComparison.Ordinal);
        var back = WorkItemJson.Deserialize<RemediationJob>(json);
        Assert.Equal((job.CampaignId, job.MailboxId, job.Action, job.NotifiedAt), (back.CampaignId, back.MailboxId, back.Action, back.NotifiedAt));
        Assert.Equal(job.MessageIds, back.MessageIds);
        Assert.Equal(job.InternetMessageIds, back.InternetMessageIds);
        Assert.Equal(job.Rules, back.Rules);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("null")]
    public void Deserialize_Garbage_ThrowsInvalidData(string payload)
    {
        Assert.Throws<InvalidDataException>(() => WorkItemJson.Deserialize<ScanRequest>(payload));
    }
}
