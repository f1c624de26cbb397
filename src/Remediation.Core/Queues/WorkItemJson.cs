using System.Text.Json;
using System.Text.Json.Serialization;

namespace Remediation.Core.Queues;

/// <summary>The one JSON shape of every queue message, whichever host writes or reads it.</summary>
public static class WorkItemJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Serialize<T>(T item) => JsonSerializer.Serialize(item, Options);

    /// <exception cref="InvalidDataException">The payload is not a <typeparamref name="T"/>.</exception>
    public static T Deserialize<T>(string payload)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(payload, Options)
                ?? throw new InvalidDataException($"Queue message is not a {typeof(T).Name}: null.");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"Queue message is not a {typeof(T).Name}: {ex.Message}", ex);
        }
    }
}
