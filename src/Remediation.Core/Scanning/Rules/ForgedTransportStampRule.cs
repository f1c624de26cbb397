using Remediation.Core.Scanning.Provenance;

namespace Remediation.Core.Scanning.Rules;

/// <summary>The message carries this tenant's transport stamp, but the stamps contradict each other or the store.</summary>
public sealed class ForgedTransportStampRule : IScanRule
{
    public const string Name = "FORGED_TRANSPORT_STAMP";

    public const double Weight = 2;

    public IEnumerable<RuleHit> Evaluate(ScannedMessage message)
    {
        if (message.Provenance.Path == TransportPath.Forged)
        {
            yield return new RuleHit(Name, Weight, ThreatCategory.Clean, $"Transport stamps look forged: {message.Provenance.Evidence}.");
        }
    }
}
