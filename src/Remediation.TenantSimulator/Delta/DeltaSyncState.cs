using System.Text.Json.Nodes;
using Remediation.TenantSimulator.Graph;

namespace Remediation.TenantSimulator.Delta;

/// <summary>The regular id a client last saw for an item, and the item's version then.</summary>
internal sealed record KnownItem(string MessageId, long Version);

/// <summary>What a delta client knows of a folder: the state a <c>$deltatoken</c> stands for.</summary>
internal sealed record DeltaSyncState(
    string MailboxId, string FolderId, Selection Select, string? Filter, IReadOnlyDictionary<string, KnownItem> ItemsByImmutableId);

/// <summary>The rest of a round of delta pages: what a <c>$skiptoken</c> stands for.</summary>
internal sealed record PendingDeltaPages(DeltaSyncState FinalState, IReadOnlyList<JsonObject> Remaining);
