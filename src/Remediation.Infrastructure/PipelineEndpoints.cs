using Remediation.Core.Campaigns;
using Remediation.Core.Compromise;
using Remediation.Core.Hunting;
using Remediation.Core.Queues;
using Remediation.Core.Remediation;
using Remediation.Core.Scanning;
using Remediation.Core.Subscriptions;

namespace Remediation.Infrastructure;

/// <summary>Who may call an HTTP endpoint.</summary>
public enum EndpointCaller
{
    /// <summary>Graph, proving itself with the function key in the URL it was given.</summary>
    Graph,

    /// <summary>A SOC operator: Entra ID with the operator role in Azure, the admin key on the local host.</summary>
    Operator,
}

/// <summary>An HTTP trigger; <see cref="Route"/> is under <c>/api/</c>, as the Functions host serves it.</summary>
public sealed record HttpEndpoint(string Function, string Method, string Route, EndpointCaller Caller);

/// <summary>A queue-triggered stage and the work item its queue carries, as JSON.</summary>
public sealed record QueueStage(string Function, string Queue, Type Payload);

/// <summary>A timer and its NCRONTAB schedule (a <c>%setting%</c> is read from the app's settings).</summary>
public sealed record TimerSchedule(string Function, string Schedule);

/// <summary>
/// Every trigger of the pipeline, named once for both hosts: the Functions app's attributes use these constants and
/// a test holds them to this table; the local host maps its HTTP endpoints from it and its queue triggers are held to
/// it by the same test.
/// </summary>
public static class PipelineEndpoints
{
    public const string NotificationsRoute = "notifications";
    public const string LifecycleRoute = "lifecycle";
    public const string RestoreCampaignRoute = "campaigns/{campaignId}/restore";
    public const string ApproveCampaignRoute = "campaigns/{campaignId}/approve";
    public const string StartHuntRoute = "hunts";
    public const string HuntReportRoute = "hunts/{huntId}";
    public const string RestoreHuntRoute = "hunts/{huntId}/restore";

    /// <summary>Keeps every mailbox subscribed; runs on startup too, so a new deployment subscribes at once.</summary>
    public const string SubscriptionsSchedule = "0 */30 * * * *";

    /// <summary>Resyncs every registered mailbox, as Graph can drop notifications without a lifecycle event.</summary>
    public const string ReconciliationSchedule = "%Subscriptions:ReconcileSchedule%";

    /// <summary>Raises the poison alert while messages wait in a poison queue.</summary>
    public const string PoisonQueuesSchedule = "0 */5 * * * *";

    public static IReadOnlyList<HttpEndpoint> Http { get; } =
    [
        new("Notifications", "POST", NotificationsRoute, EndpointCaller.Graph),
        new("Lifecycle", "POST", LifecycleRoute, EndpointCaller.Graph),
        new("Restore", "POST", RestoreCampaignRoute, EndpointCaller.Operator),
        new("Approve", "POST", ApproveCampaignRoute, EndpointCaller.Operator),
        new("StartHunt", "POST", StartHuntRoute, EndpointCaller.Operator),
        new("HuntReport", "GET", HuntReportRoute, EndpointCaller.Operator),
        new("RestoreHunt", "POST", RestoreHuntRoute, EndpointCaller.Operator),
    ];

    public static IReadOnlyList<QueueStage> Queues { get; } =
    [
        new("Scan", WorkQueueNames.ScanRequests, typeof(ScanRequest)),
        new("Campaign", WorkQueueNames.Campaigns, typeof(MaliciousMessage)),
        new("Remediate", WorkQueueNames.RemediationJobs, typeof(RemediationJob)),
        new("SubscriptionEvents", WorkQueueNames.SubscriptionEvents, typeof(SubscriptionEvent)),
        new("SessionRevocations", WorkQueueNames.SessionRevocations, typeof(SessionRevocation)),
        new("Hunt", WorkQueueNames.Hunts, typeof(HuntRequest)),
    ];

    public static IReadOnlyList<TimerSchedule> Timers { get; } =
    [
        new("Subscriptions", SubscriptionsSchedule),
        new("Reconciliation", ReconciliationSchedule),
        new("PoisonQueues", PoisonQueuesSchedule),
    ];
}
