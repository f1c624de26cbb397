using System.ComponentModel.DataAnnotations;
using Remediation.Core.Scanning;

namespace Remediation.Core.Remediation;

/// <summary>The tenant's remediation policy.</summary>
public sealed class RemediationOptions
{
    public const string Section = "Remediation";

    /// <summary>Record what would be done and touch nothing: how a new deployment starts.</summary>
    public bool ReportOnly { get; set; }

    public RemediationAction PhishingAction { get; set; } = RemediationAction.Quarantine;

    public RemediationAction MalwareAction { get; set; } = RemediationAction.Quarantine;

    public RemediationAction SpamAction { get; set; } = RemediationAction.MoveToJunk;

    /// <summary>
    /// The SOC's report mailboxes (addresses; an alias or a list stands for the mailboxes behind it): users forward
    /// phish there, so their mail is scanned and alerted on but never moved, as Defender's SecOps mailboxes are.
    /// </summary>
    public List<string> ReportMailboxes { get; set; } = [];

    /// <summary>The hidden folder created in each mailbox for quarantined copies.</summary>
    [Required]
    public string QuarantineFolderName { get; set; } = "Quarantine (security)";

    /// <summary>A campaign reaching more mailboxes than this is held for the SOC's approval instead of acted on.</summary>
    [Range(1, 1_000_000)]
    public int MaxMailboxesPerCampaign { get; set; } = 500;

    /// <summary>
    /// A campaign whose verdict scored below this is held for the SOC's approval. Above the malicious threshold (10)
    /// on purpose: the strongest single rules weigh 10, so a verdict that rests on one piece of evidence, or only just
    /// crosses the line, waits for a person; two independent findings act alone.
    /// </summary>
    public double MinimumScoreToAct { get; set; } = 12;

    /// <summary>
    /// The campaign stage waits while more remediation jobs than this are queued, so one huge campaign cannot bury
    /// the jobs of the campaigns after it behind a backlog of its own.
    /// </summary>
    [Range(1, 100_000)]
    public int MaxQueuedJobs { get; set; } = 500;

    /// <summary>
    /// Mailboxes one remediation job acts on. Their copies share the job's queue message, one audit claim and one
    /// outcome write, so storage calls per mailbox fall as this rises; the job waits for its slowest mailbox.
    /// </summary>
    [Range(1, 100)]
    public int MailboxesPerJob { get; set; } = 16;

    /// <summary>
    /// Copies moved or deleted per hour, across the tenant, for campaigns the SOC did not approve; beyond it copies
    /// stay where they are, audited as held by the breaker. Ten campaigns at the blast-radius guard's size fit in it.
    /// </summary>
    [Range(0, 1_000_000)]
    public int MaxUnapprovedMovesPerHour { get; set; } = 5_000;

    /// <summary>
    /// Of those, copies one mailbox's own appended seeds may take per hour: an appender flooding one stolen mailbox with
    /// thousands of lures, each its own campaign, would otherwise spend the tenant's budget, and the next campaign's
    /// copies in every other mailbox would be held. Beyond it the flood's lures stay, audited as held by the breaker.
    /// </summary>
    [Range(0, 1_000_000)]
    public int MaxUnapprovedMovesPerMailboxPerHour { get; set; } = 250;

    public RemediationAction ActionFor(ThreatCategory category) => category switch
    {
        ThreatCategory.Malware => MalwareAction,
        ThreatCategory.Spam => SpamAction,
        _ => PhishingAction,
    };
}
