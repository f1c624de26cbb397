using System.Text.Json.Nodes;

namespace Remediation.TenantSimulator.Graph;

/// <summary>Graph's error answers: <c>{"error":{"code","message","innerError"}}</c>.</summary>
internal static class GraphErrors
{
    public const string ThrottledCode = "ApplicationThrottled";

    public static IResult Result(int status, string code, string message) => Results.Json(Body(code, message), statusCode: status);

    public static JsonObject Body(string code, string message) => new()
    {
        ["error"] = new JsonObject
        {
            ["code"] = code,
            ["message"] = message,
            ["innerError"] = new JsonObject
            {
                ["date"] = GraphDates.Seconds(DateTimeOffset.UtcNow),
                ["request-id"] = Guid.NewGuid().ToString(),
                ["client-request-id"] = Guid.NewGuid().ToString(),
            },
        },
    };

    public static Task WriteAsync(HttpContext context, int status, string code, string message) =>
        Result(status, code, message).ExecuteAsync(context);

    public static IResult BadRequest(string message) => Result(StatusCodes.Status400BadRequest, "BadRequest", message);

    /// <summary>The directory's answer to a query it does not support (a <c>$filter</c>, an OData cast without advanced query parameters).</summary>
    public static IResult UnsupportedQuery(string message) => Result(StatusCodes.Status400BadRequest, "Request_UnsupportedQuery", message);

    /// <summary>
    /// Graph's answer for a mailbox request to a user without an Exchange mailbox (404 <c>MailboxNotEnabledForRESTAPI</c>)
    /// or outside the app's Exchange RBAC scope (403), or null when the app may reach the mailbox.
    /// </summary>
    public static (int Status, string Code, string Message)? MailboxAccessDenied(MailboxAccess access) => access switch
    {
        MailboxAccess.NotEnabled => (StatusCodes.Status404NotFound, "MailboxNotEnabledForRESTAPI", "The mailbox is either inactive, soft-deleted, or is hosted on-premise."),
        MailboxAccess.OutOfScope => (StatusCodes.Status403Forbidden, AccessDeniedCode, AccessDeniedMessage),
        _ => null,
    };

    /// <summary>Exchange's refusal of what the app has no permission or scope for.</summary>
    public static IResult AccessDenied() => Result(StatusCodes.Status403Forbidden, AccessDeniedCode, AccessDeniedMessage);

    private const string AccessDeniedCode = "ErrorAccessDenied";
    private const string AccessDeniedMessage = "Access is denied. Check credentials and try again.";

    public static IResult ItemNotFound() =>
        Result(StatusCodes.Status404NotFound, "ErrorItemNotFound", "The specified object was not found in the store.");

    public static IResult FolderNotFound() =>
        Result(StatusCodes.Status404NotFound, "ErrorItemNotFound", "The specified folder could not be found in the store.");

    public static IResult ResourceNotFound(string id) =>
        Result(StatusCodes.Status404NotFound, "Request_ResourceNotFound", $"Resource '{id}' does not exist or one of its queried reference-property objects are not present.");

    public static IResult MailboxNotFound(string user) =>
        Result(StatusCodes.Status404NotFound, "ErrorInvalidUser", $"The requested user '{user}' is invalid.");

    public static IResult SubscriptionNotFound(string id) =>
        Result(StatusCodes.Status404NotFound, "ResourceNotFound", $"The object was not found. Subscription '{id}'.");
}
