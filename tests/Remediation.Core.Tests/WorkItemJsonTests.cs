using Remediation.Core.Queues;
using Remediation.Core.Remediation;

namespace Remediation.Core.Tests;

public class WorkItemJsonTests
{
    [Fact]
    public void Serialize_RemediationJob_RoundTripsWithActionAsText()
    {
        var job = new RemediationJob("c1", "alice@contoso.example", "<id@x>", RemediationAction.MoveToJunk, ["RULE"]);

        var json = WorkItemJson.Serialize(job);

        Assert.Contains("\"action\":\"MoveToJunk\"", json, StringComparison.Ordinal);
        var back = WorkItemJson.Deserialize<RemediationJob>(json);
        Assert.Equal((job.CampaignId, job.MailboxId, job.InternetMessageId, job.Action), (back.CampaignId, back.MailboxId, back.InternetMessageId, back.Action));
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
