namespace Remediation.Core.Scanning.Provenance;

/// <summary>What this tenant's transport found when it checked the domain the From header names.</summary>
public enum SenderAuthentication
{
    /// <summary>Not checked by this tenant's transport, or checked without a clear answer (none, softpass, temperror).</summary>
    Unknown,

    /// <summary>The domain vouched for the message (composite authentication or DMARC passed), or one of the tenant's own accounts sent it.</summary>
    Passed,

    /// <summary>The domain's checks failed: whoever sent the message is not the domain it names.</summary>
    Failed,
}
