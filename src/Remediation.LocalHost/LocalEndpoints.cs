using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Remediation.Core.Subscriptions;

namespace Remediation.LocalHost;

/// <summary>
/// Unless settings name them, subscriptions point at this host's own webhooks, whose port is known only once
/// Kestrel listens (options are read after that).
/// </summary>
internal sealed class LocalEndpoints(IServer server) : IPostConfigureOptions<SubscriptionOptions>
{
    public void PostConfigure(string? name, SubscriptionOptions options)
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (address is null) return;
        var root = address.TrimEnd('/');
        if (string.IsNullOrEmpty(options.NotificationUrl)) options.NotificationUrl = root + LocalPipelineHost.NotificationsPath;
        if (string.IsNullOrEmpty(options.LifecycleNotificationUrl)) options.LifecycleNotificationUrl = root + LocalPipelineHost.LifecyclePath;
    }
}
