namespace Remediation.Core.Hunting;

/// <summary>What a hunt looks for in the message index.</summary>
public enum IndicatorKind
{
    /// <summary>A link to this domain or host (its subdomains too).</summary>
    UrlDomain,

    /// <summary>A From or Sender address, or every address of a domain.</summary>
    Sender,

    /// <summary>An attachment with this SHA-256 (archives' entries included).</summary>
    AttachmentSha256,

    /// <summary>A content fingerprint, as alerts and the allowlist name it.</summary>
    Fingerprint,

    /// <summary>Every message that arrived in the window: the re-scan after the engine changed.</summary>
    AnyMessage,
}
