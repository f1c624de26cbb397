namespace Remediation.TenantSimulator.Notifications;

/// <summary>Turns a message created in a folder into a change notification for every live subscription watching it.</summary>
internal sealed class ChangeNotificationRouter(SimulatorOptions options, SubscriptionRegistry registry, NotificationDispatcher dispatcher)
{
    public void MessageCreated(StoredMessageView message)
    {
        foreach (var subscription in registry.Live.Where(s => s.Watches(message)))
        {
            dispatcher.EnqueueChange(subscription.NotificationUrl, NotificationPayloads.Created(subscription, message, options.TenantId));
        }
    }
}
