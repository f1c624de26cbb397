using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Graph;
using Remediation.Core.Subscriptions;
using Remediation.Infrastructure.Graph;
using Remediation.LocalHost;
using Remediation.TenantSimulator;

namespace Remediation.IntegrationTests.Subscriptions;

/// <summary>
/// The Graph gateway with the real Graph client, against the tenant simulator on the contract's clock, whose tenant
/// the tests arrange directly. A small listener answers Graph's validation handshake for both notification URLs.
/// </summary>
public sealed class GraphSubscriptionGatewayTests : SubscriptionGatewayContract, IAsyncLifetime
{
    private readonly Dictionary<string, string> _folderPaths = new(StringComparer.Ordinal);
    private GraphSimulator _simulator = null!;
    private WebApplication _webhook = null!;
    private GraphServiceClient _graph = null!;
    private GraphSubscriptionGateway _gateway = null!;
    private string _webhookBase = "";

    protected override ISubscriptionGateway Gateway => _gateway;

    protected override string NotificationUrl => $"{_webhookBase}api/notifications?code=k1";

    protected override string LifecycleNotificationUrl => $"{_webhookBase}api/lifecycle?code=k1";

    private SimulatedTenant Tenant => _simulator.Tenant;

    public async Task InitializeAsync()
    {
        var options = new SimulatorOptions { TenantDomain = Domain };
        _simulator = await GraphSimulator.StartAsync(options, Clock);
        _graph = GraphClientBuilder.Build(new GraphOptions { BaseUrl = _simulator.GraphBaseUrl }, new StaticTokenCredential(options.AccessToken));
        _gateway = new GraphSubscriptionGateway(_graph);
        _webhook = await StartWebhookAsync();
    }

    public async Task DisposeAsync()
    {
        _graph.Dispose();
        await _webhook.DisposeAsync();
        await _simulator.DisposeAsync();
    }

    protected override string AddMailbox(bool reachable = true)
    {
        var name = $"user{Guid.NewGuid():N}@{Domain}";
        return Tenant.AddMailbox(name, name, reachable ? MailboxAccess.Enabled : MailboxAccess.NotEnabled).Id;
    }

    protected override async Task<string> AddFolderAsync(string mailboxId, string displayName, string? parentFolderId = null, bool hidden = false)
    {
        string id;
        if (hidden)
        {
            // Only Graph makes hidden folders, as the pipeline's quarantine is made.
            var created = await _graph.Users[mailboxId].MailFolders.PostAsync(new Microsoft.Graph.Models.MailFolder { DisplayName = displayName, IsHidden = true });
            id = created!.Id!;
            _folderPaths[id] = displayName;
            return id;
        }
        var parentPath = parentFolderId is null ? null
            : _folderPaths.GetValueOrDefault(parentFolderId) ?? WellKnownParent(mailboxId, parentFolderId);
        var path = parentPath is null ? displayName : $"{parentPath}/{displayName}";
        id = Tenant.FindMailbox(mailboxId)!.AddFolder(path);
        _folderPaths[id] = path;
        return id;
    }

    protected override string FolderId(string mailboxId, string wellKnownName) => Tenant.FindMailbox(mailboxId)!.ResolveFolderId(wellKnownName);

    protected override string AddMessage(string mailboxId, string folderId, DateTimeOffset receivedAt) =>
        Tenant.AppendAsImap(mailboxId, Mime(), folderId, receivedAt).ImmutableId;

    protected override GraphSubscription? FindLiveSubscription(string subscriptionId) =>
        Tenant.Subscriptions.SingleOrDefault(s => s.Id == subscriptionId && !s.IsExpiredAt(Clock.GetUtcNow())) is { } s
            ? new GraphSubscription(s.Id, s.MailboxId, s.NotificationUrl.AbsoluteUri, s.LifecycleNotificationUrl?.AbsoluteUri ?? "", s.ClientState ?? "", s.ExpirationDateTime)
            : null;

    protected override Task RemoveSubscriptionAsync(string subscriptionId) => _graph.Subscriptions[subscriptionId].DeleteAsync();

    // The display name of a well-known folder is its path from the top of the tree.
    private string WellKnownParent(string mailboxId, string folderId) =>
        Enumerable.Single(["Inbox", "Junk Email", "Deleted Items", "Archive", "Drafts", "Sent Items", "Outbox"],
            name => Tenant.FindMailbox(mailboxId)!.ResolveFolderId(name) == folderId);

    private static string Mime() =>
        $"From: billing@partner.example\r\nTo: someone@{Domain}\r\nSubject: Quarterly invoice\r\nMessage-ID: <{Guid.NewGuid():N}@partner.example>\r\n" +
        "Date: Sun, 29 Nov 2026 10:00:00 +0000\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nPlease find the invoice attached.\r\n";

    private async Task<WebApplication> StartWebhookAsync()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Services.AddRoutingCore();
        var app = builder.Build();
        app.Run(context =>
        {
            if (context.Request.Query["validationToken"] is [{ } token])
            {
                context.Response.ContentType = "text/plain";
                return context.Response.WriteAsync(token);
            }
            context.Response.StatusCode = StatusCodes.Status202Accepted;
            return Task.CompletedTask;
        });
        await app.StartAsync();
        _webhookBase = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/";
        return app;
    }
}
