using System.Text.Json;
using System.Text.RegularExpressions;

namespace Remediation.Core.Intake;

/// <summary>Reads Graph's notification payload tolerantly: field casing and the resource shape vary.</summary>
public static partial class ChangeNotificationParser
{
    // Graph's versions are a few dozen characters; a longer one is no version, and must not grow the intake's memory.
    private const int MaxVersionLength = 128;

    /// <exception cref="JsonException">The body is not JSON or has no <c>value</c> array.</exception>
    public static IReadOnlyList<ChangeNotification> Parse(ReadOnlyMemory<byte> body)
    {
        using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 16 });
        if (document.RootElement.ValueKind != JsonValueKind.Object
            || !TryGetProperty(document.RootElement, "value", out var value)
            || value.ValueKind != JsonValueKind.Array)
        {
            throw new JsonException("A notification body is an object with a 'value' array.");
        }

        var notifications = new List<ChangeNotification>(value.GetArrayLength());
        foreach (var item in value.EnumerateArray())
        {
            notifications.Add(item.ValueKind == JsonValueKind.Object ? ReadOne(item) : new ChangeNotification(null, null, null, null, null, null));
        }
        return notifications;
    }

    private static ChangeNotification ReadOne(JsonElement item)
    {
        var (mailbox, messageFromResource) = ParseResource(GetString(item, "resource"));
        var hasData = TryGetProperty(item, "resourceData", out var data) && data.ValueKind == JsonValueKind.Object;
        var idFromData = hasData ? GetString(data, "id") : null;
        var messageId = idFromData is null ? messageFromResource : IsGraphId(idFromData) ? idFromData : null;
        return new ChangeNotification(
            GetString(item, "subscriptionId"),
            GetString(item, "clientState"),
            GetString(item, "tenantId"),
            GetString(item, "changeType"),
            mailbox,
            messageId,
            GetString(item, "lifecycleEvent"),
            hasData && GetString(data, "@odata.etag") is { Length: <= MaxVersionLength } version ? version : null);
    }

    /// <summary>
    /// Accepts <c>Users/{u}/Messages/{m}</c>, <c>Users('{u}')/messages('{m}')</c> and <c>users/{u}@{tenant}/…</c> in
    /// any casing, where the user is an object id (a GUID) and the message id is in Graph's URL-safe base64 alphabet:
    /// nothing else (no <c>..</c>, <c>?</c>, <c>$</c> or <c>/</c>) reaches a queue or a Graph URL.
    /// </summary>
    internal static (string? MailboxId, string? MessageId) ParseResource(string? resource)
    {
        if (resource is null) return (null, null);
        var match = ResourcePattern().Match(resource);
        return match.Success ? (match.Groups["user"].Value, match.Groups["message"].Value) : (null, null);
    }

    private static string? GetString(JsonElement element, string name) =>
        TryGetProperty(element, name, out var property) && property.ValueKind == JsonValueKind.String ? property.GetString() : null;

    private static bool TryGetProperty(JsonElement element, string name, out JsonElement property)
    {
        foreach (var candidate in element.EnumerateObject())
        {
            if (string.Equals(candidate.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                property = candidate.Value;
                return true;
            }
        }
        property = default;
        // Stryker disable once Boolean : every caller also checks the kind of what it found, and a default element's kind (Undefined) is none of them
        return false;
    }

    private static bool IsGraphId(string id) => GraphIdPattern().IsMatch(id);

    private const string ObjectId = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private const string GraphId = "[A-Za-z0-9_=-]{1,512}";

    [GeneratedRegex($@"^/?users(?:/|\(')(?<user>{ObjectId})(?:@[A-Za-z0-9.-]{{1,253}})?(?:'\))?/(?:mailFolders(?:/|\('){GraphId}(?:'\))?/)?messages(?:/|\(')(?<message>{GraphId})(?:'\))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ResourcePattern();

    [GeneratedRegex($"^{GraphId}$", RegexOptions.CultureInvariant)]
    private static partial Regex GraphIdPattern();
}
