using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;

namespace Remediation.TenantSimulator.Tests.Infrastructure;

/// <summary><c>GraphServiceClient</c>s pointed at a simulator.</summary>
internal static class GraphClients
{
    /// <summary>A client with the SDK's default handlers (retry, redirect, …), as production code builds it.</summary>
    public static GraphServiceClient Create(GraphSimulator simulator, string? token = null) =>
        Create(simulator, GraphClientFactory.CreateDefaultHandlers(), token);

    /// <summary>A client whose 429, 503 and 504 answers reach the caller instead of being retried.</summary>
    public static GraphServiceClient CreateWithoutRetries(GraphSimulator simulator) =>
        Create(simulator, GraphClientFactory.CreateDefaultHandlers().Where(h => h is not RetryHandler), token: null);

    /// <summary>A client that sends no Authorization header at all.</summary>
    public static GraphServiceClient CreateAnonymous(GraphSimulator simulator) =>
        new(GraphClientFactory.Create(GraphClientFactory.CreateDefaultHandlers()), new AnonymousAuthenticationProvider(), simulator.GraphBaseUrl);

    /// <summary>A raw HTTP client for the Graph endpoints, already carrying the bearer token.</summary>
    public static HttpClient CreateRaw(GraphSimulator simulator, SimulatorOptions options)
    {
        var http = new HttpClient { BaseAddress = new Uri(simulator.GraphBaseUrl + "/") };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", options.AccessToken);
        return http;
    }

    private static GraphServiceClient Create(GraphSimulator simulator, IEnumerable<DelegatingHandler> handlers, string? token)
    {
        var tokens = new StaticAccessTokenProvider(token ?? new SimulatorOptions().AccessToken, simulator.BaseAddress.Host);
        return new GraphServiceClient(
            GraphClientFactory.Create(handlers), new BaseBearerTokenAuthenticationProvider(tokens), simulator.GraphBaseUrl);
    }
}
