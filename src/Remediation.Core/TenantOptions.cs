using System.ComponentModel.DataAnnotations;

namespace Remediation.Core;

/// <summary>Who this deployment protects. One deployment serves one tenant.</summary>
public sealed class TenantOptions
{
    public const string Section = "Tenant";

    /// <summary>The Entra tenant id; notifications for any other tenant are refused.</summary>
    [Required]
    public string TenantId { get; set; } = "";

    /// <summary>The secret Graph echoes in every notification (a Key Vault reference in Azure).</summary>
    [Required, MaxLength(128)]
    public string ClientState { get; set; } = "";

    /// <summary>The tenant's own mail domains: recipients there have mailboxes the pipeline can act in.</summary>
    public List<string> AcceptedDomains { get; set; } = [];

    /// <summary>Where Exchange Online's hosts live in the worldwide cloud.</summary>
    public static readonly IReadOnlyList<string> WorldwideExchangeDomains = ["outlook.com"];

    /// <summary>
    /// The domains of Exchange Online's hosts that stamp this tenant's transport (its <c>Received</c> hops); empty
    /// means the worldwide cloud's <c>outlook.com</c>. A sovereign cloud names its own.
    /// </summary>
    public List<string> ExchangeDomains { get; set; } = [];

    /// <summary>
    /// Whether Exchange Online's check of the sender's domain (its <c>Authentication-Results</c>) is read. Off when mail
    /// reaches Exchange Online through another gateway without Enhanced Filtering for Connectors: transport then checks
    /// the gateway's address instead of the sender's and fails domains that are fine. Off, nothing proves a sender.
    /// </summary>
    public bool TransportChecksSenders { get; set; } = true;

    public bool IsTenantAddress(string address)
    {
        var at = address.LastIndexOf('@');
        if (at < 0) return false;
        var domain = address[(at + 1)..];
        return AcceptedDomains.Exists(d => string.Equals(d, domain, StringComparison.OrdinalIgnoreCase));
    }
}
