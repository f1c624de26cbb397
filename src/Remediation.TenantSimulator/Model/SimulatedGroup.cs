namespace Remediation.TenantSimulator;

/// <summary>A mail-enabled group: its addresses and its direct members (users, contacts and, except in a Microsoft 365 group, groups).</summary>
public sealed class SimulatedGroup
{
    private readonly Lock gate = new();
    private readonly List<string> memberIds = [];

    internal SimulatedGroup(string id, string mail, string displayName, GroupKind kind)
    {
        Id = id;
        DisplayName = displayName;
        Kind = kind;
        Addresses = new RecipientAddresses(mail);
    }

    public string Id { get; }

    public string DisplayName { get; }

    public GroupKind Kind { get; }

    public RecipientAddresses Addresses { get; }

    /// <summary>The ids of the direct members, in the order they were added.</summary>
    public IReadOnlyList<string> MemberIds
    {
        get
        {
            lock (gate)
            {
                return [.. memberIds];
            }
        }
    }

    /// <summary>Adds a direct member once; false when it is one already.</summary>
    internal bool AddMember(string id)
    {
        lock (gate)
        {
            if (memberIds.Contains(id, StringComparer.Ordinal))
            {
                return false;
            }

            memberIds.Add(id);
            return true;
        }
    }
}
