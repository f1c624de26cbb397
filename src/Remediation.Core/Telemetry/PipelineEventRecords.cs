using Remediation.Core.Hunting;
using Remediation.Core.Scanning;
using Remediation.Core.Subscriptions;

namespace Remediation.Core.Telemetry;

// One record per event of PipelineEvents; a property's name is the customDimensions key the alert rules query.

/// <summary>A message was scanned (every verdict, for counts and dashboards).</summary>
public record MessageScanned(
    string MailboxId, string MessageId, string InternetMessageId, string CampaignId, string Fingerprint,
    VerdictBand Band, ThreatCategory Category, double Score, IReadOnlyList<string> Rules) : PipelineEvent;

/// <summary>A scan found a message suspicious (alert only, no action).</summary>
public sealed record SuspiciousMessage : MessageScanned
{
    public SuspiciousMessage(MessageScanned scanned) : base(scanned) { }
}

/// <summary>A message could not be parsed or scanned within limits.</summary>
public sealed record MessageUnscannable : MessageScanned
{
    public MessageUnscannable(MessageScanned scanned, string reason) : base(scanned) => Reason = reason;

    public string Reason { get; }
}

/// <summary>One copy of a malicious message was remediated (or recorded, in report-only mode).</summary>
public sealed record MessageRemediated(
    string CampaignId, string MailboxId, string MessageId, IReadOnlyList<string> Rules, string Outcome, double SecondsSinceNotified) : PipelineEvent
{
    /// <summary>What else was done with the copy, as its audit record says (a meeting request's calendar entry); empty when nothing.</summary>
    public string Detail { get; init; } = "";
}

/// <summary>Remediation failed in a mailbox after retries.</summary>
public sealed record RemediationFailed(
    string CampaignId, string MailboxId, string MessageId, IReadOnlyList<string> Rules, string Outcome, double SecondsSinceNotified) : PipelineEvent;

/// <summary>A copy carried a campaign's Message-ID but other content; nothing moved.</summary>
public sealed record CopyMismatch(string CampaignId, string MailboxId, string MessageId, string InternetMessageId, string Fingerprint) : PipelineEvent;

/// <summary>A campaign was too large or too uncertain to act on automatically; the SOC must approve it.</summary>
public sealed record CampaignHeld(
    string CampaignId, string Fingerprint, ThreatCategory Category, double Score, IReadOnlyList<string> Rules, int Count, string Reason) : PipelineEvent;

/// <summary>The SOC approved a held campaign.</summary>
public sealed record CampaignApproved(string CampaignId, string Actor) : PipelineEvent;

/// <summary>The SOC restored copies of a campaign (empty mailbox and message: all of it).</summary>
public sealed record CampaignRestored(string CampaignId, string MailboxId, string MessageId, int Count, string Reason, string Actor) : PipelineEvent;

/// <summary>A queue message exhausted its attempts and sits in a poison queue.</summary>
public sealed record PoisonMessage(string Queue, int Count) : PipelineEvent;

/// <summary>The webhook refused a request or some of its notifications.</summary>
public sealed record WebhookRejected(string Reason, int Count) : PipelineEvent;

/// <summary>An hourly cap on an autonomous action was reached: further ones wait.</summary>
public sealed record CircuitBreakerTripped(string Breaker, int Limit, string Window) : PipelineEvent;

/// <summary>A mailbox received malicious mail that bypassed transport, or sent it internally.</summary>
public sealed record MailboxCompromised(
    string MailboxId, IReadOnlyList<string> Messages, IReadOnlyList<string> CampaignId, DateTimeOffset FirstSeen, DateTimeOffset LastSeen,
    double Score, string Response, IReadOnlyList<string> Evidence) : PipelineEvent;

/// <summary>A subscription run met users without a mailbox the app may reach: once per run.</summary>
public sealed record MailboxesSkipped(int Count) : PipelineEvent;

/// <summary>A mailbox's subscription could not be created or renewed.</summary>
public sealed record SubscriptionRenewalFailed(string MailboxId, string Reason) : PipelineEvent;

/// <summary>A mailbox's subscription was created, renewed or recreated.</summary>
public sealed record SubscriptionMaintained(string MailboxId, KeeperOutcome Outcome) : PipelineEvent;

/// <summary>A mailbox's folders were read with delta to catch up on missed notifications.</summary>
public sealed record MailboxResynced(string MailboxId, int Folders, int Count) : PipelineEvent;

/// <summary>A reconciliation run resynced every registered mailbox: once per run.</summary>
public sealed record MailboxesReconciled(int Mailboxes, int Folders, int Messages, int Failed) : PipelineEvent;

/// <summary>A hunt went through the message index.</summary>
public sealed record HuntCompleted(
    string HuntId, Indicator Indicator, HuntTrigger Trigger, string Actor, DateTimeOffset Since, int Matched, int Copies, int Campaigns,
    bool ReportOnly, double DurationSeconds) : PipelineEvent;
