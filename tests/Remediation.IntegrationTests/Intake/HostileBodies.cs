using System.Text;
using System.Text.Json;

namespace Remediation.IntegrationTests.Intake;

/// <summary>Webhook bodies that must all be refused: broken JSON, wrong shapes, forged or foreign notifications.</summary>
internal static class HostileBodies
{
    private const string Json = "application/json";

    /// <summary>The one live subscription the corpus's notifications name, and its mailbox.</summary>
    public const string SubscriptionId = "sub-1";
    public const string MailboxId = "0b8f2c6e-4a51-4c1e-9d3a-5f6e7a8b9c01";

    public static IEnumerable<(string Description, byte[] Body, string ContentType)> Generate(int seed, string tenantId, string clientState)
    {
        var random = new Random(seed);
        var valid = Encoding.UTF8.GetBytes(Collection(Notification(tenantId, clientState, MailboxId, "msg-1")));

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
        yield return ("huge array", Encoding.UTF8.GetBytes(Collection(Enumerable.Repeat(Notification(tenantId, clientState, MailboxId, "m"), 200).ToArray())), Json);
        yield return ("forged clientState", Bytes(Notification(tenantId, clientState + "x", "user-1", "msg-1")), Json);
        yield return ("empty clientState", Bytes(Notification(tenantId, "", "user-1", "msg-1")), Json);
        yield return ("clientState prefix", Bytes(Notification(tenantId, clientState[..^1], "user-1", "msg-1")), Json);
        yield return ("other tenant", Bytes(Notification("0bd1c6d3-7c3f-4d8e-9d4a-000000000000", clientState, "user-1", "msg-1")), Json);
        yield return ("no tenant", Bytes(Notification(null, clientState, "user-1", "msg-1")), Json);
        yield return ("no resource", Bytes(JsonSerializer.Serialize(new { clientState, tenantId, changeType = "created" })), Json);
        yield return ("resource of another kind", Bytes(JsonSerializer.Serialize(new { clientState, tenantId, resource = "Users/u/Events/e" })), Json);
        yield return ("unknown subscription", Bytes(Notification(tenantId, clientState, MailboxId, "msg-1", subscriptionId: "sub-unknown")), Json);
        yield return ("another mailbox than the subscription's", Bytes(Notification(tenantId, clientState, "5d2c9e1a-7b3f-4a6d-8e9c-0a1b2c3d4e5f", "msg-1")), Json);
        foreach (var changeType in new[] { "deleted", "updated", "created,updated", "", "CREATED" })
        {
            yield return ($"change type '{changeType}'", Bytes(Notification(tenantId, clientState, MailboxId, "msg-1", changeType)), Json);
        }
        foreach (var (what, user, message) in new[]
        {
            ("user id with ..", "..", "msg-1"), ("user id not a guid", "user-1", "msg-1"), ("message id with ..", MailboxId, ".."),
            ("message id with ?", MailboxId, "msg?$top=999"), ("message id with $", MailboxId, "$batch"),
            ("message id too long", MailboxId, new string('A', 600)),
        })
        {
            yield return (what, Bytes(Notification(tenantId, clientState, user, message)), Json);
        }
        yield return ("right body, wrong content type", valid, "text/plain");
        yield return ("right body, no content type", valid, null!);
        yield return ("right body, form content type", valid, "application/x-www-form-urlencoded");
    }

    private static byte[] Bytes(string notification) => Encoding.UTF8.GetBytes(Collection(notification));

    private static string Collection(params string[] notifications) => $$"""{"value":[{{string.Join(',', notifications)}}]}""";

    private static string Notification(string? tenantId, string clientState, string user, string message, string changeType = "created", string subscriptionId = SubscriptionId) =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["subscriptionId"] = subscriptionId,
            ["clientState"] = clientState,
            ["changeType"] = changeType,
            ["tenantId"] = tenantId,
            ["resource"] = $"Users/{user}/Messages/{message}",
            ["resourceData"] = new Dictionary<string, string> { ["id"] = message },
        });
}
