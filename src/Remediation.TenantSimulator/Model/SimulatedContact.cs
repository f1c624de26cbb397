namespace Remediation.TenantSimulator;

/// <summary>
/// A mail contact (Graph's orgContact, https://learn.microsoft.com/graph/api/resources/orgcontact): an address outside
/// the tenant listed in its directory. Mail to it leaves the tenant, so no mailbox here receives a copy.
/// </summary>
public sealed class SimulatedContact
{
    internal SimulatedContact(string id, string externalAddress, string displayName)
    {
        Id = id;
        DisplayName = displayName;
        Addresses = new RecipientAddresses(externalAddress);
    }

    public string Id { get; }

    public string DisplayName { get; }

    /// <summary>The external address first; tenant-domain aliases that route to it may follow.</summary>
    public RecipientAddresses Addresses { get; }
}
