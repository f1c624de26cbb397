namespace Remediation.TenantSimulator;

/// <summary>
/// The SMTP addresses of one mail recipient (user, group or contact), kept as Exchange keeps its EmailAddresses: one
/// primary address and any number of aliases. Graph shows them as <c>mail</c> and <c>proxyAddresses</c>, where
/// <c>SMTP:</c> marks the primary address and <c>smtp:</c> an alias
/// (https://learn.microsoft.com/graph/api/resources/user, <c>proxyAddresses</c>).
/// </summary>
public sealed class RecipientAddresses
{
    private readonly Lock gate = new();
    private readonly List<string> aliases = [];
    private string primary;

    internal RecipientAddresses(string primary) => this.primary = primary;

    /// <summary>The primary SMTP address, which Graph returns as <c>mail</c>.</summary>
    public string Primary
    {
        get
        {
            lock (gate)
            {
                return primary;
            }
        }
    }

    /// <summary>The addresses as Graph's <c>proxyAddresses</c>: <c>SMTP:</c> first, then each <c>smtp:</c> alias.</summary>
    public IReadOnlyList<string> ProxyAddresses
    {
        get
        {
            lock (gate)
            {
                return [$"SMTP:{primary}", .. aliases.Select(a => $"smtp:{a}")];
            }
        }
    }

    /// <summary>Every address mail can be sent to, the primary first.</summary>
    public IReadOnlyList<string> All
    {
        get
        {
            lock (gate)
            {
                return [primary, .. aliases];
            }
        }
    }

    internal void AddAlias(string address)
    {
        lock (gate)
        {
            aliases.Add(address);
        }
    }

    /// <summary>Makes an address primary; the former primary stays as an alias, as Exchange keeps it.</summary>
    internal void SetPrimary(string address)
    {
        lock (gate)
        {
            aliases.RemoveAll(a => string.Equals(a, address, StringComparison.OrdinalIgnoreCase));
            aliases.Insert(0, primary);
            primary = address;
        }
    }
}
