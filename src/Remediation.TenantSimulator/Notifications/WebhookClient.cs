using System.Net.Mime;
using System.Text;
using System.Text.Json.Nodes;

namespace Remediation.TenantSimulator.Notifications;

/// <summary>Outbound HTTP to subscribers' endpoints: the validation handshake and notification POSTs.</summary>
internal sealed class WebhookClient(SimulatorOptions options, TimeProvider timeProvider) : IDisposable
{
    private readonly HttpClient http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1) })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    /// <summary>
    /// POSTs <c>?validationToken=…</c> to the endpoint as Graph does before creating a subscription; the endpoint passes
    /// when it answers 200, text/plain, with the token as body, within the validation timeout.
    /// </summary>
    public async Task<bool> ValidateAsync(Uri endpoint, CancellationToken cancellationToken)
    {
        var token = $"Validation: Testing client application reachability for subscription Request-Id: {Guid.NewGuid()}";
        var separator = string.IsNullOrEmpty(endpoint.Query) ? "?" : "&";
        var url = new Uri($"{endpoint.AbsoluteUri}{separator}validationToken={Uri.EscapeDataString(token)}");

        using var timeout = new CancellationTokenSource(options.ValidationTimeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url)
            {
                Content = new StringContent(string.Empty, Encoding.UTF8, MediaTypeNames.Text.Plain),
            };
            using var response = await http.SendAsync(request, linked.Token);
            var body = await response.Content.ReadAsStringAsync(linked.Token);
            return response.StatusCode == System.Net.HttpStatusCode.OK
                && response.Content.Headers.ContentType?.MediaType == MediaTypeNames.Text.Plain
                && body == token;
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>POSTs a notification body; accepted when the endpoint answered 2xx within <paramref name="budget"/>.</summary>
    public async Task<WebhookAnswer> PostAsync(Uri endpoint, JsonObject body, TimeSpan budget, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(budget, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        try
        {
            using var content = new StringContent(body.ToJsonString(), Encoding.UTF8, MediaTypeNames.Application.Json);
            using var response = await http.PostAsync(endpoint, content, linked.Token);
            return response.IsSuccessStatusCode ? WebhookAnswer.Accepted : WebhookAnswer.Refused;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return WebhookAnswer.TooSlow;
        }
        catch (HttpRequestException)
        {
            return WebhookAnswer.Refused;
        }
    }

    public void Dispose() => http.Dispose();
}

/// <summary>How an endpoint answered one notification POST.</summary>
internal enum WebhookAnswer
{
    Accepted,

    /// <summary>A non-2xx status, or no connection.</summary>
    Refused,

    /// <summary>No answer within the response budget: counts against the endpoint's health too.</summary>
    TooSlow,
}
