using System.Text.Json.Nodes;
using Remediation.TenantSimulator.Graph;
using Remediation.TenantSimulator.Notifications;

namespace Remediation.TenantSimulator.Endpoints;

/// <summary><c>/subscriptions</c>: creating (with the validation handshake), reading, renewing and deleting.</summary>
internal static class SubscriptionEndpoints
{
    public static void MapSubscriptionEndpoints(this IEndpointRouteBuilder graph)
    {
        graph.MapPost("/subscriptions", CreateSubscription);
        graph.MapGet("/subscriptions", ListSubscriptions);
        graph.MapGet("/subscriptions/{id}", GetSubscription);
        graph.MapPatch("/subscriptions/{id}", RenewSubscription);
        graph.MapDelete("/subscriptions/{id}", DeleteSubscription);
        graph.MapPost("/subscriptions/{id}/reauthorize", ReauthorizeSubscription);
    }

    private static async Task<IResult> CreateSubscription(HttpRequest request, SubscriptionService subscriptions, SimulatorOptions options)
    {
        if (await RequestJson.ReadAsync<SubscriptionRequest>(request) is not { } body)
        {
            return GraphErrors.BadRequest("The request body is not a subscription.");
        }

        var outcome = await subscriptions.CreateAsync(body, GraphPreferences.From(request).ImmutableIds, request.HttpContext.RequestAborted);
        return outcome.Subscription is { } created
            ? Results.Json(SubscriptionProjection.ToJson(created, options.ClientId), statusCode: StatusCodes.Status201Created)
            : GraphErrors.Result(outcome.Status, outcome.ErrorCode!, outcome.ErrorMessage!);
    }

    private static IResult ListSubscriptions(SubscriptionRegistry registry, SimulatorOptions options) =>
        Results.Json(new JsonObject
        {
            ["value"] = new JsonArray([.. registry.Live.Select(s => (JsonNode)SubscriptionProjection.ToJson(s, options.ClientId))]),
        });

    private static IResult GetSubscription(string id, SubscriptionRegistry registry, SimulatorOptions options) =>
        registry.FindLive(id) is { } subscription
            ? Results.Json(SubscriptionProjection.ToJson(subscription, options.ClientId))
            : GraphErrors.SubscriptionNotFound(id);

    private static async Task<IResult> RenewSubscription(
        string id, HttpRequest request, SubscriptionRegistry registry, SubscriptionService subscriptions, SimulatorOptions options)
    {
        if (registry.FindLive(id) is not { } subscription)
        {
            return GraphErrors.SubscriptionNotFound(id);
        }

        if (await RequestJson.ReadAsync<SubscriptionRequest>(request) is not { ExpirationDateTime: { } expiration })
        {
            return GraphErrors.BadRequest("A renewal needs an expirationDateTime.");
        }

        if (subscriptions.ExpirationError(expiration) is { } error)
        {
            return GraphErrors.Result(StatusCodes.Status400BadRequest, "InvalidRequest", error);
        }

        subscription.ExpirationDateTime = expiration;
        return Results.Json(SubscriptionProjection.ToJson(subscription, options.ClientId));
    }

    private static IResult DeleteSubscription(string id, SubscriptionRegistry registry) =>
        registry.FindLive(id) is not null && registry.Remove(id) ? Results.NoContent() : GraphErrors.SubscriptionNotFound(id);

    private static IResult ReauthorizeSubscription(string id, SubscriptionRegistry registry) =>
        registry.FindLive(id) is null ? GraphErrors.SubscriptionNotFound(id) : Results.NoContent();
}
