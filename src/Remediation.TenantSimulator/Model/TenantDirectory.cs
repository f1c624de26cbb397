using System.Collections.Concurrent;

namespace Remediation.TenantSimulator;

/// <summary>
/// The tenant's mail-enabled directory objects besides users (groups and contacts) and the one address book every
/// recipient shares: Exchange refuses an address that another recipient already holds. Thread-safe.
/// </summary>
internal sealed class TenantDirectory(Func<string, SimulatedMailbox?> findUser)
{
    private readonly Lock gate = new();
    private readonly List<SimulatedGroup> groups = [];
    private readonly List<SimulatedContact> contacts = [];
    private readonly ConcurrentDictionary<string, object> recipientsById = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, object> recipientsByAddress = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<SimulatedGroup> Groups
    {
        get
        {
            lock (gate)
            {
                return [.. groups];
            }
        }
    }

    public IReadOnlyList<SimulatedContact> Contacts
    {
        get
        {
            lock (gate)
            {
                return [.. contacts];
            }
        }
    }

    public SimulatedGroup AddGroup(string mail, string displayName, GroupKind kind)
    {
        var group = new SimulatedGroup(Guid.NewGuid().ToString(), mail, displayName, kind);
        return Add(group, group.Id, mail, groups);
    }

    public SimulatedContact AddContact(string externalAddress, string displayName)
    {
        var contact = new SimulatedContact(Guid.NewGuid().ToString(), externalAddress, displayName);
        return Add(contact, contact.Id, externalAddress, contacts);
    }

    public SimulatedGroup? FindGroup(string id) => recipientsById.GetValueOrDefault(id) as SimulatedGroup;

    public SimulatedContact? FindContact(string id) => recipientsById.GetValueOrDefault(id) as SimulatedContact;

    /// <summary>The user, group or contact holding this address (primary or alias, any case), or null.</summary>
    public object? FindByAddress(string address) => recipientsByAddress.GetValueOrDefault(address);

    /// <summary>Claims an address for a recipient; throws when another recipient holds it already.</summary>
    public void Claim(string address, object recipient)
    {
        if (!recipientsByAddress.TryAdd(address, recipient) && !ReferenceEquals(recipientsByAddress[address], recipient))
        {
            throw new InvalidOperationException($"The address {address} belongs to another recipient already.");
        }
    }

    /// <summary>
    /// Every user in the group, directly or through nested groups, each once
    /// (https://learn.microsoft.com/graph/api/group-list-transitivemembers).
    /// </summary>
    public IReadOnlyList<SimulatedMailbox> TransitiveUsers(SimulatedGroup group)
    {
        var users = new List<SimulatedMailbox>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var pending = new Queue<SimulatedGroup>([group]);
        while (pending.TryDequeue(out var next))
        {
            foreach (var id in next.MemberIds.Where(seen.Add))
            {
                if (findUser(id) is { } user)
                {
                    users.Add(user);
                }
                else if (FindGroup(id) is { } nested)
                {
                    pending.Enqueue(nested);
                }
            }
        }

        return users;
    }

    /// <summary>
    /// The mailboxes Exchange transport delivers a message for this address to: the user holding it, every member of
    /// a group (nested groups expanded), nobody for a contact, an unknown address or a user without a mailbox.
    /// </summary>
    public IEnumerable<SimulatedMailbox> DeliveryTargets(string address) =>
        (FindByAddress(address) switch
        {
            SimulatedMailbox user => [user],
            SimulatedGroup group => TransitiveUsers(group),
            _ => [],
        }).Where(user => user.Access != MailboxAccess.NotEnabled);

    private T Add<T>(T recipient, string id, string address, List<T> all)
        where T : class
    {
        lock (gate)
        {
            Claim(address, recipient);
            recipientsById[id] = recipient;
            all.Add(recipient);
            return recipient;
        }
    }
}
