namespace Remediation.Core.Scanning.Provenance;

/// <summary>How the message reached the mailbox, judged from the stamps this tenant's transport writes.</summary>
public enum TransportPath
{
    /// <summary>The stamps cannot be checked: no tenant id is configured, or the header block was too large to read whole.</summary>
    Unknown,

    /// <summary>Stamped by this tenant's transport, consistently.</summary>
    Transported,

    /// <summary>No stamp of this tenant's transport: appended, uploaded, migrated or created in the store.</summary>
    Bypassed,

    /// <summary>Carries this tenant's stamp, but the stamps disagree with each other or with the store.</summary>
    Forged,
}
