using System.Text;
using System.Text.Json;

namespace Remediation.IntegrationTests.Intake;

/// <summary>Webhook bodies that must all be refused: broken JSON, wrong shapes, forged or foreign notifications.</summary>
internal static class HostileBodies
{
    private const string Json = "application/json";

    public static IEnumerable<(string Description, byte[] Body, string ContentType)> Generate(int seed, string tenantId, string clientState)
    {
        var random = new Random(seed);
        var valid = Encoding.UTF8.GetBytes(Collection(Notification(tenantId, clientState, "user-1", "msg-1")));

        for (var i = 0; i < 15; i++)
        {
            var bytes = new byte[random.Next(1, 2048)];
            random.NextBytes(bytes);
            yield return ($"random bytes #{i}", bytes, Json);
        }
        for (var cut = 1; cut < valid.Length; cut += Math.Max(1, valid.Length / 15))
        {
            yield return ($"truncated at {cut}", valid[..cut], Json);
        }
        foreach (var shape in new[] { "null", "42", "\"text\"", "[]", "{}", """{"value":null}""", """{"value":{}}""", """{"value":"x"}""", """{"value":[]""" })
        {
            yield return ($"shape {shape}", Encoding.UTF8.GetBytes(shape), Json);
        }
        yield return ("deep nesting", Encoding.UTF8.GetBytes(new string('[', 5000) + new string(']', 5000)), Json);
        yield return ("deep nesting in value", Encoding.UTF8.GetBytes("""{"value":[""" + new string('{', 100).Replace("{", "{\"a\":") + "1" + new string('}', 100) + "]}"), Json);
        yield return ("huge array", Encoding.UTF8.GetBytes(Collection(Enumerable.Repeat(Notification(tenantId, clientState, "u", "m"), 200).ToArray())), Json);
        yield return ("forged clientState", Bytes(Notification(tenantId, clientState + "x", "user-1", "msg-1")), Json);
        yield return ("empty clientState", Bytes(Notification(tenantId, "", "user-1", "msg-1")), Json);
        yield return ("clientState prefix", Bytes(Notification(tenantId, clientState[..^1], "user-1", "msg-1")), Json);
        yield return ("other tenant", Bytes(Notification("0bd1c6d3-7c3f-4d8e-9d4a-000000000000", clientState, "user-1", "msg-1")), Json);
        yield return ("no tenant", Bytes(Notification(null, clientState, "user-1", "msg-1")), Json);
        yield return ("no resource", Bytes(JsonSerializer.Serialize(new { clientState, tenantId, changeType = "created" })), Json);
        yield return ("resource of another kind", Bytes(JsonSerializer.Serialize(new { clientState, tenantId, resource = "Users/u/Events/e" })), Json);
        yield return ("right body, wrong content type", valid, "text/plain");
        yield return ("right body, no content type", valid, null!);
        yield return ("right body, form content type", valid, "application/x-www-form-urlencoded");
    }

    private static byte[] Bytes(string notification) => Encoding.UTF8.GetBytes(Collection(notification));

    private static string Collection(params string[] notifications) => $$"""{"value":[{{string.Join(',', notifications)}}]}""";

    private static string Notification(string? tenantId, string clientState, string user, string message) =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["subscriptionId"] = "sub-1",
            ["clientState"] = clientState,
            ["changeType"] = "created",
            ["tenantId"] = tenantId,
            ["resource"] = $"Users/{user}/Messages/{message}",
            ["resourceData"] = new Dictionary<string, string> { ["id"] = message },
        });
}
