using System.Text.Json;

namespace Remediation.TenantSimulator.Graph;

/// <summary>Reads a JSON request body; null when it is missing or malformed, for the handler to answer 400.</summary>
internal static class RequestJson
{
    public static async Task<T?> ReadAsync<T>(HttpRequest request)
        where T : class
    {
        try
        {
            return await JsonSerializer.DeserializeAsync<T>(request.Body, JsonSerializerOptions.Web, request.HttpContext.RequestAborted);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
