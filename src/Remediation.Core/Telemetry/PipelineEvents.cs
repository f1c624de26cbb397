namespace Remediation.Core.Telemetry;

/// <summary>
/// Every custom event the pipeline emits to Application Insights (the <c>AppEvents</c> table, column <c>Name</c>).
/// The alert rules in <c>infra/</c> query these exact names and properties: change them together.
/// </summary>
public static class PipelineEvents
{
    /// <summary>Every copy of a malicious message was remediated in one mailbox.</summary>
    public const string MessageRemediated = "MessageRemediated";

    /// <summary>A campaign was too large or too uncertain to act on automatically; the SOC must approve it.</summary>
    public const string CampaignHeld = "CampaignHeld";

    /// <summary>Remediation failed in a mailbox after retries.</summary>
    public const string RemediationFailed = "RemediationFailed";

    /// <summary>A queue message exhausted its attempts and sits in a poison queue.</summary>
    public const string PoisonMessage = "PoisonMessage";

    /// <summary>A mailbox's subscription could not be created or renewed.</summary>
    public const string SubscriptionRenewalFailed = "SubscriptionRenewalFailed";

    /// <summary>A message could not be parsed or scanned within limits.</summary>
    public const string MessageUnscannable = "MessageUnscannable";

    /// <summary>The webhook refused a request or some of its notifications.</summary>
    public const string WebhookRejected = "WebhookRejected";

    /// <summary>A message was scanned (every verdict, for counts and dashboards).</summary>
    public const string MessageScanned = "MessageScanned";

    /// <summary>A mailbox's subscription was created, renewed or recreated.</summary>
    public const string SubscriptionMaintained = "SubscriptionMaintained";

    /// <summary>A mailbox's folders were read with delta to catch up on missed notifications.</summary>
    public const string MailboxResynced = "MailboxResynced";

    /// <summary>A scan found a message suspicious (alert only, no action).</summary>
    public const string SuspiciousMessage = "SuspiciousMessage";
}

/// <summary>Property names the events carry (customDimensions / <c>Properties</c>).</summary>
public static class PipelineEventProperties
{
    public const string MailboxId = "MailboxId";
    public const string MessageId = "MessageId";
    public const string CampaignId = "CampaignId";
    public const string InternetMessageId = "InternetMessageId";
    public const string Category = "Category";
    public const string Band = "Band";
    public const string Score = "Score";
    public const string Rules = "Rules";
    public const string Reason = "Reason";
    public const string Queue = "Queue";
    public const string Count = "Count";
    public const string SubscriptionId = "SubscriptionId";
    public const string Outcome = "Outcome";
}
