namespace Remediation.Core.Telemetry;

/// <summary>
/// Every custom event the pipeline emits to Application Insights (the <c>AppEvents</c> table, column <c>Name</c>).
/// The alert rules in <c>infra/</c> query these exact names and properties: change them together.
/// </summary>
public static class PipelineEvents
{
    /// <summary>One copy of a malicious message was remediated (or recorded, in report-only mode).</summary>
    public const string MessageRemediated = "MessageRemediated";

    /// <summary>A campaign was too large or too uncertain to act on automatically; the SOC must approve it.</summary>
    public const string CampaignHeld = "CampaignHeld";

    /// <summary>A copy carried a campaign's Message-ID but other content: someone reused a real Message-ID; nothing moved.</summary>
    public const string CopyMismatch = "CopyMismatch";

    /// <summary>Remediation failed in a mailbox after retries.</summary>
    public const string RemediationFailed = "RemediationFailed";

    /// <summary>A queue message exhausted its attempts and sits in a poison queue.</summary>
    public const string PoisonMessage = "PoisonMessage";

    /// <summary>The SOC restored copies of a campaign to where they were.</summary>
    public const string CampaignRestored = "CampaignRestored";

    /// <summary>The SOC approved a held campaign: every copy is remediated.</summary>
    public const string CampaignApproved = "CampaignApproved";

    /// <summary>A mailbox's subscription could not be created or renewed.</summary>
    public const string SubscriptionRenewalFailed = "SubscriptionRenewalFailed";

    /// <summary>A message could not be parsed or scanned within limits.</summary>
    public const string MessageUnscannable = "MessageUnscannable";

    /// <summary>The webhook refused a request or some of its notifications.</summary>
    public const string WebhookRejected = "WebhookRejected";

    /// <summary>A message was scanned (every verdict, for counts and dashboards).</summary>
    public const string MessageScanned = "MessageScanned";

    /// <summary>A subscription run met users without a mailbox the app may reach (guests, unlicensed, out of scope): once per run.</summary>
    public const string MailboxesSkipped = "MailboxesSkipped";

    /// <summary>A mailbox's subscription was created, renewed or recreated.</summary>
    public const string SubscriptionMaintained = "SubscriptionMaintained";

    /// <summary>A mailbox's folders were read with delta to catch up on missed notifications.</summary>
    public const string MailboxResynced = "MailboxResynced";

    /// <summary>
    /// A reconciliation run resynced every registered mailbox (Graph can drop notifications unannounced): counts of
    /// mailboxes, folders, messages queued and mailboxes that failed, once per run.
    /// </summary>
    public const string MailboxesReconciled = "MailboxesReconciled";

    /// <summary>A mailbox received malicious mail that bypassed transport: its credentials are likely in an attacker's hands.</summary>
    public const string MailboxCompromised = "MailboxCompromised";

    /// <summary>A scan found a message suspicious (alert only, no action).</summary>
    public const string SuspiciousMessage = "SuspiciousMessage";

    /// <summary>An hourly cap on an autonomous action (session revocations, unapproved moves) was reached: further ones wait.</summary>
    public const string CircuitBreakerTripped = "CircuitBreakerTripped";

    /// <summary>
    /// A hunt went through the message index: what it looked for, over which window, how many messages matched, and
    /// how many copies it handed to remediation (or would have, in report-only mode).
    /// </summary>
    public const string HuntCompleted = "HuntCompleted";

    /// <summary>The events the SOC is alerted to: each has an alert rule in <c>infra/</c>. The others feed dashboards.</summary>
    public static IReadOnlyList<string> Alerting { get; } =
    [
        MessageRemediated, CampaignHeld, RemediationFailed, PoisonMessage, SubscriptionRenewalFailed,
        MessageUnscannable, WebhookRejected, MailboxCompromised, SuspiciousMessage, CopyMismatch, CircuitBreakerTripped, HuntCompleted,
    ];
}

/// <summary>Property names the events carry (customDimensions / <c>Properties</c>).</summary>
public static class PipelineEventProperties
{
    public const string MailboxId = "MailboxId";
    public const string MessageId = "MessageId";
    public const string CampaignId = "CampaignId";

    /// <summary>The content fingerprint: what <c>Detection__AllowedFingerprints</c> takes.</summary>
    public const string Fingerprint = "Fingerprint";
    public const string InternetMessageId = "InternetMessageId";
    public const string Category = "Category";
    public const string Band = "Band";
    public const string Score = "Score";
    public const string Rules = "Rules";
    public const string Reason = "Reason";
    public const string Queue = "Queue";
    public const string Count = "Count";
    public const string Mailboxes = "Mailboxes";
    public const string Folders = "Folders";
    public const string Failed = "Failed";
    public const string SubscriptionId = "SubscriptionId";
    public const string Outcome = "Outcome";
    public const string SecondsSinceNotified = "SecondsSinceNotified";
    public const string Messages = "Messages";
    public const string FirstSeen = "FirstSeen";
    public const string LastSeen = "LastSeen";
    public const string Response = "Response";
    public const string Breaker = "Breaker";
    public const string Limit = "Limit";
    public const string Window = "Window";

    /// <summary>What the compromise alert rests on: <c>Appended</c> mail, mail <c>SentInternally</c>, or both.</summary>
    public const string Evidence = "Evidence";
    public const string HuntId = "HuntId";
    public const string Indicator = "Indicator";
    public const string Trigger = "Trigger";
    public const string Since = "Since";
    public const string Matched = "Matched";
    public const string Campaigns = "Campaigns";
    public const string Copies = "Copies";
    public const string ReportOnly = "ReportOnly";
    public const string DurationSeconds = "DurationSeconds";

    /// <summary>Who in the SOC restored or approved (user principal name or object id).</summary>
    public const string Actor = "Actor";

    /// <summary>What else remediation did with a copy: a phishing invitation's meeting declined, or left for want of the calendar permission.</summary>
    public const string Detail = "Detail";
}
