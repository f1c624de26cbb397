namespace Remediation.Core.Queues;

/// <summary>Queue names shared by the Functions app, the local host and the infrastructure templates.</summary>
public static class WorkQueueNames
{
    public const string ScanRequests = "scan-requests";
    public const string Campaigns = "campaigns";
    public const string RemediationJobs = "remediation-jobs";
    public const string SubscriptionEvents = "subscription-events";
    public const string SessionRevocations = "session-revocations";
    public const string Hunts = "hunts";

    /// <summary>The queue trigger engine moves a message here after the configured number of failed attempts.</summary>
    public static string PoisonOf(string queueName) => queueName + "-poison";

    public static IReadOnlyList<string> All { get; } = [ScanRequests, Campaigns, RemediationJobs, SubscriptionEvents, SessionRevocations, Hunts];
}
