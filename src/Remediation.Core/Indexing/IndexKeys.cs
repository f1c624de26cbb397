using Remediation.Core.Scanning.Domains;

namespace Remediation.Core.Indexing;

/// <summary>
/// The index's partitions: one per thing a hunt may name. Domains are filed under their registrable domain, so a
/// hunt for a host or an address reads one partition and filters it.
/// </summary>
public static class IndexKeys
{
    public const string AnyMessage = "any";

    public static string Campaign(string campaignKey) => "campaign|" + campaignKey;

    public static string UrlDomain(string host) => "url|" + RegistrableDomain.Of(host);

    public static string SenderDomain(string domain) => "sender|" + RegistrableDomain.Of(domain);

    public static string Attachment(string sha256) => "sha256|" + sha256.ToLowerInvariant();

    public static string Fingerprint(string id) => "fingerprint|" + id.ToLowerInvariant();
}
