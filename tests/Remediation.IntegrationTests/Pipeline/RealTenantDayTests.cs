using System.Text.Json;
using Remediation.Core.Telemetry;
using Remediation.Showcase;
using Remediation.Showcase.Commands;

namespace Remediation.IntegrationTests.Pipeline;

/// <summary>
/// A day in a real tenant, through the whole local pipeline: inbound mail, mail placed over IMAP, users composing
/// replies, answering meetings and chatting in Teams, mail to an alias and to a Microsoft 365 group, a guest without a
/// mailbox, mailboxes configured by user principal name, Graph's notification latency and notifications it never
/// sends; and among it an Email Appender wave and a phishing campaign sent to a distribution list with a nested list.
/// </summary>
public sealed class RealTenantDayTests : IDisposable
{
    private const int Mailboxes = 12;
    private const int Wave = 3;
    private const int CampaignRecipients = 5;
    // Enough inbound mail for every kind the plan mixes in: an alias, a group, mail placed over IMAP.
    private const int Benign = 45;
    private readonly string _reportDirectory = Path.Combine(Path.GetTempPath(), $"tenant-day-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_reportDirectory)) Directory.Delete(_reportDirectory, recursive: true);
    }

    [Fact]
    public async Task Day_WithAnAppenderWaveAndAPhishToAList_RemediatesEveryCopyTouchesNothingElseAndFlagsOnlyTheWave()
    {
        using var output = new StringWriter();
        var options = new ShowcaseOptions(Mailboxes, Wave, CampaignRecipients, Benign, TimeSpan.FromSeconds(150), _reportDirectory, DroppedNotifications: 0.1);

        var exitCode = await RunCommand.ExecuteAsync(options, output, CancellationToken.None);

        Assert.True(exitCode == 0, output.ToString());
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_reportDirectory, ShowcaseReport.ReportFile)));
        var root = report.RootElement;
        var campaigns = root.GetProperty("campaigns").EnumerateArray().ToList();
        Assert.Equal([CampaignRecipients, Wave], campaigns.Select(c => c.GetProperty("copies").GetInt32()));
        Assert.All(campaigns, c => Assert.Equal(c.GetProperty("copies").GetInt32(), c.GetProperty("remediated").GetInt32()));

        var ordinary = root.GetProperty("ordinary");
        Assert.Equal(0, ordinary.GetProperty("touched").GetInt32());
        var kinds = ordinary.GetProperty("byKind").EnumerateObject().ToDictionary(k => k.Name, k => k.Value.GetInt32());
        Assert.All(typeof(OrdinaryKinds).GetFields().Select(f => (string)f.GetValue(null)!), kind => Assert.True(kinds.GetValueOrDefault(kind) > 0, $"no {kind}"));

        var flagged = root.GetProperty("compromisedMailboxes");
        Assert.Equal(Strings(flagged.GetProperty("wave")).Order(), Strings(flagged.GetProperty("flagged")).Order());
        Assert.Equal(1, root.GetProperty("usersWithoutMailbox").GetInt32());
        Assert.True(root.GetProperty("notificationLoss").GetProperty("dropped").GetInt64() > 0, "Graph dropped notifications, and the day still passed");

        // No alert storm: one alert per compromised mailbox and per remediated copy (the lure a user forwarded to the
        // SOC is remediated in the SOC's mailbox and the sender's Sent Items too), nothing else.
        var alerts = root.GetProperty("alerts").EnumerateObject().ToDictionary(a => a.Name, a => a.Value.GetInt32());
        Assert.Equal(Wave, alerts[PipelineEvents.MailboxCompromised]);
        Assert.InRange(alerts[PipelineEvents.MessageRemediated], CampaignRecipients + Wave, CampaignRecipients + Wave + 2);
        Assert.All(alerts.Where(a => a.Key is not (PipelineEvents.MailboxCompromised or PipelineEvents.MessageRemediated)), a => Assert.True(a.Value == 0, $"{a.Key}: {a.Value}"));
    }

    private static IEnumerable<string> Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!);
}
