using System.ComponentModel.DataAnnotations;

namespace Remediation.Infrastructure.Graph;

/// <summary>How the pipeline reaches Microsoft Graph and proves who it is.</summary>
public sealed class GraphOptions
{
    public const string Section = "Graph";

    /// <summary>Graph's base URL including the version segment; a loopback simulator in local runs.</summary>
    [Required, Url]
    public string BaseUrl { get; set; } = "https://graph.microsoft.com/v1.0";

    /// <summary>The Entra authority; left empty for the public cloud.</summary>
    public string? AuthorityHost { get; set; }

    /// <summary>The app registration's client id. Empty: the Function App's managed identity is the Graph principal.</summary>
    public string? ClientId { get; set; }

    /// <summary>A client secret (Key Vault reference in Azure, local settings on a workstation).</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Path of a PFX/PEM certificate for the app registration, preferred over a secret.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>Retries of throttled (429) and unavailable (503/504) answers; Graph's own handler owns retries.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 6;

    /// <summary>Requests in flight per mailbox from one instance; Exchange Online allows 4 per app per mailbox.</summary>
    [Range(1, 4)]
    public int MaxConcurrentRequestsPerMailbox { get; set; } = 4;

    /// <summary>The token scope: Graph's default scope of the application permissions granted.</summary>
    public string Scope { get; set; } = "https://graph.microsoft.com/.default";
}
