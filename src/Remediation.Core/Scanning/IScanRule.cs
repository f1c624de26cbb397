namespace Remediation.Core.Scanning;

/// <summary>One detection rule. Rules are independent and stateless; the engine adds up what they find.</summary>
public interface IScanRule
{
    IEnumerable<RuleHit> Evaluate(ScannedMessage message);
}
