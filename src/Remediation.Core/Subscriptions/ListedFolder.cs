namespace Remediation.Core.Subscriptions;

/// <summary>One folder of a mailbox's folder tree, as the listing gave it.</summary>
/// <param name="Depth">0 for a folder at the top of the tree (next to the Inbox), 1 for its children, and so on.</param>
public sealed record ListedFolder(string Id, string DisplayName, int Depth);
