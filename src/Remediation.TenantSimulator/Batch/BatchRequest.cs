using System.Text.Json;

namespace Remediation.TenantSimulator.Batch;

/// <summary>The body of <c>POST /$batch</c>.</summary>
internal sealed record BatchRequest(IReadOnlyList<BatchRequestItem>? Requests);

internal sealed record BatchRequestItem(
    string? Id, string? Method, string? Url, IReadOnlyDictionary<string, string>? Headers, JsonElement? Body, IReadOnlyList<string>? DependsOn);
