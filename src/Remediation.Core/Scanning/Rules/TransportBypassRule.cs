using Remediation.Core.Scanning.Provenance;

namespace Remediation.Core.Scanning.Rules;

/// <summary>
/// The message never passed this tenant's transport: appended over IMAP, uploaded, migrated or created in the
/// store. Migrations and users' own clients do this too, so it only adds to other evidence.
/// </summary>
public sealed class TransportBypassRule : IScanRule
{
    public const string Name = "TRANSPORT_BYPASS";

    public const double Weight = 2;

    public IEnumerable<RuleHit> Evaluate(ScannedMessage message)
    {
        if (message.Provenance.Path == TransportPath.Bypassed)
        {
            yield return new RuleHit(Name, Weight, ThreatCategory.Clean, $"Did not pass this tenant's transport: {message.Provenance.Evidence}.");
        }
    }
}
