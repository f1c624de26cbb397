using System.Text.Json;
using System.Text.Json.Serialization;

namespace Remediation.Showcase;

/// <summary>
/// Writes the run's figures as JSON, and the audit trail the pipeline wrote beside them: Azurite keeps its tables in
/// memory, so they would be gone with the run.
/// </summary>
internal static class ShowcaseReport
{
    public const string ReportFile = "report.json";
    public const string AuditFile = "audit.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <returns>The paths of the report and of the audit export.</returns>
    public static async Task<(string Report, string Audit)> WriteAsync(ShowcaseOutcome outcome, CancellationToken cancellationToken)
    {
        var directory = outcome.Options.ReportDirectory;
        Directory.CreateDirectory(directory);
        var auditPath = Path.Combine(directory, AuditFile);
        var reportPath = Path.Combine(directory, ReportFile);
        await WriteJsonAsync(auditPath, outcome.Audit, cancellationToken);
        await WriteJsonAsync(reportPath, new
        {
            GeneratedAt = DateTimeOffset.UtcNow,
            outcome.Succeeded,
            outcome.Settled,
            outcome.ElapsedSeconds,
            Size = new { outcome.Options.Mailboxes, outcome.Options.Wave, outcome.Options.CampaignRecipients, outcome.Options.Benign },
            outcome.Campaigns,
            Ordinary = new { Delivered = outcome.BenignDelivered, Touched = outcome.BenignTouched, ByKind = outcome.OrdinaryByKind },
            outcome.Verdicts,
            CompromisedMailboxes = new { Wave = outcome.WaveMailboxes, Flagged = outcome.FlaggedMailboxes, outcome.SocForwarder },
            outcome.CampaignsHeld,
            outcome.UsersWithoutMailbox,
            outcome.NotificationLoss,
            outcome.Alerts,
            outcome.TimeToRemediateSeconds,
            Graph = new { Requests = outcome.GraphRequests, Throttled = outcome.ThrottledRequests, NotificationsDelivered = outcome.Notifications },
            Audit = new { Records = outcome.Audit.Count, File = AuditFile },
        }, cancellationToken);
        return (reportPath, auditPath);
    }

    private static async Task WriteJsonAsync<T>(string path, T value, CancellationToken cancellationToken)
    {
        await using var file = File.Create(path);
        await JsonSerializer.SerializeAsync(file, value, Json, cancellationToken);
    }
}
