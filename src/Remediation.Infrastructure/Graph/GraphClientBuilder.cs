using Azure.Core;
using Microsoft.Graph;
using Microsoft.Kiota.Authentication.Azure;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;

namespace Remediation.Infrastructure.Graph;

/// <summary>Builds the one <see cref="GraphServiceClient"/> of the process from settings.</summary>
public static class GraphClientBuilder
{
    public static GraphServiceClient Build(GraphOptions graph, TokenCredential credential, HttpMessageHandler? transport = null)
    {
        var baseUri = new Uri(graph.BaseUrl);
        // Tokens go only to the configured Graph host: the provider sends none to any other.
        var authentication = new AzureIdentityAuthenticationProvider(
            credential, allowedHosts: [baseUri.Host], scopes: [graph.Scope]);

        var handlers = GraphClientFactory.CreateDefaultHandlers()
            .Select(h => h is RetryHandler ? new RetryHandler(new RetryHandlerOption { MaxRetry = graph.MaxRetries }) : h)
            .Append(new ImmutableIdHandler())
            .Append(new MailboxConcurrencyHandler(graph.MaxConcurrentRequestsPerMailbox))
            .ToList();
        var httpClient = GraphClientFactory.Create(handlers, finalHandler: transport ?? new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            MaxConnectionsPerServer = 256,
        });
        return new GraphServiceClient(httpClient, authentication, graph.BaseUrl);
    }
}
