namespace Remediation.Core.Campaigns;

/// <summary>A piece of a campaign's work the campaign stage handed on: a copy by id, or a Message-ID search.</summary>
/// <param name="Scope">The mailbox id, or <see cref="TenantWide"/> for work done across the tenant at once.</param>
public sealed record DispatchedWork(string Scope, string Item)
{
    public const string TenantWide = "*";

    private const string SearchPrefix = "imid:";

    /// <summary>The sweep of the fingerprint index for every copy scanned so far.</summary>
    public static DispatchedWork Sweep { get; } = new(TenantWide, "sweep");

    /// <summary>The SOC was told that copies of the campaign wait for it (<see cref="BlastRadiusGuard.WaitsForSoc"/>).</summary>
    public static DispatchedWork SocTold { get; } = new(TenantWide, "soc-told");

    /// <summary>The search of every recipient's mailbox for this Message-ID.</summary>
    public static DispatchedWork RecipientSearch(string internetMessageId) => new(TenantWide, SearchPrefix + internetMessageId);

    public static DispatchedWork Copy(string mailboxId, string messageId) => new(mailboxId, messageId);

    public static DispatchedWork Search(string mailboxId, string internetMessageId) => new(mailboxId, SearchPrefix + internetMessageId);
}
