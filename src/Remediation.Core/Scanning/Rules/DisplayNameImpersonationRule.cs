using System.Text.RegularExpressions;
using Remediation.Core.Scanning.Content;
using Remediation.Core.Scanning.Domains;

namespace Remediation.Core.Scanning.Rules;

/// <summary>
/// The sender's display name shows the tenant's organisation or a protected brand (exactly, nearly, or with
/// look-alike letters) while the real address is elsewhere. Strongest when the name holds an address at a
/// protected domain, as rspamd's SPOOF_DISPLAY_NAME scores it.
/// </summary>
public sealed partial class DisplayNameImpersonationRule(ProtectedIdentities identities) : IScanRule
{
    public const string Name = "DISPLAY_NAME_IMPERSONATION";

    public IEnumerable<RuleHit> Evaluate(ScannedMessage message)
    {
        // Stryker disable once Statement : with no identity nothing is legitimate and no name is shown, so the loop finds nothing either
        if (identities.IsEmpty) yield break;
        foreach (var sender in message.Mime.From.Mailboxes)
        {
            if (string.IsNullOrWhiteSpace(sender.Name) || identities.IsLegitimate(sender.Domain)) continue;
            var shownAddress = AddressPattern().Match(sender.Name);
            if (shownAddress.Success && identities.IsLegitimate(shownAddress.Groups["domain"].Value))
            {
                yield return new RuleHit(Name, 6, ThreatCategory.Phishing, $"Display name shows {shownAddress.Value} but the address is {sender.Address}.");
                yield break;
            }
            if (identities.NameShownIn(sender.Name) is { } impersonated)
            {
                yield return new RuleHit(Name, 4, ThreatCategory.Phishing, $"Display name \"{sender.Name}\" poses as {impersonated} but the address is {sender.Address}.");
                yield break;
            }
        }
    }

    [GeneratedRegex(@"[\w.+-]+@(?<domain>[\w-]+(\.[\w-]+)+)", LinearRegex.Options)]
    private static partial Regex AddressPattern();
}
