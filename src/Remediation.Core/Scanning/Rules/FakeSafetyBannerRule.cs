using System.Text.RegularExpressions;
using Remediation.Core.Scanning.Content;

namespace Remediation.Core.Scanning.Rules;

/// <summary>
/// The text opens by vouching for its own sender ("This email comes from a verified sender"), where a mail gateway puts
/// its banner. Only the receiving organisation's mail system writes such a banner, so a message that did not pass this
/// tenant's transport wrote it about itself, to lower the reader's guard. On mail that did pass, the banner may be the
/// tenant's own transport rule, and the rule stays silent, as it does where the path cannot be told. A newsletter's
/// "add us to your safe senders" asks, and does not vouch.
/// </summary>
public sealed partial class FakeSafetyBannerRule : IScanRule
{
    public const string Name = "FAKE_SAFETY_BANNER";

    /// <summary>How far into the visible text a banner stands: its first lines, not a quote further down.</summary>
    internal const int BannerReach = 300;

    public IEnumerable<RuleHit> Evaluate(ScannedMessage message)
    {
        // Where the path cannot be told (no tenant configured, a header block past the budget), the banner may be genuine.
        if (!message.Provenance.OutsideTransport) yield break;
        var opening = Diacritics.Remove(message.VisibleText[..Math.Min(message.VisibleText.Length, BannerReach)]);
        var banner = Banner().Match(opening);
        if (banner.Success)
        {
            yield return new RuleHit(Name, 3, ThreatCategory.Phishing,
                $"Opens by vouching for its own sender (\"{banner.Value}\"), a banner only the receiving mail system writes, and it did not pass this tenant's transport.");
        }
    }

    // English, Dutch, German, French, Spanish, Portuguese and Italian, accents removed.
    [GeneratedRegex(
        @"\b(this|the)\s+(e-?mail\s+|mail\s+)?(message|e-?mail|mail)\s+(is|was\s+sent(\s+to\s+\S+)?|comes?|came)\s+from\s+an?\s+(trusted|verified|safe|secure|known)\s+(sender|source|contact)\b" +
        @"|\bdit\s+(bericht|e-?mail|mailtje)\s+(is|komt)\s+(afkomstig\s+)?van\s+een\s+(vertrouwde|geverifieerde|veilige|bekende)\s+afzender\b" +
        @"|\bdiese\s+(nachricht|e-?mail|mail)\s+(stammt|kommt|ist)\s+von\s+einem\s+(vertrauenswurdigen|verifizierten|sicheren|bekannten)\s+absender\b" +
        @"|\bce\s+(message|courriel|e-?mail|mail)\s+(provient|vient|est)\s+d['’]un\s+expediteur\s+(de\s+confiance|verifie|fiable|sur|connu)\b" +
        @"|\beste\s+(mensaje|correo(\s+electronico)?|e-?mail)\s+(es|proviene|viene)\s+de\s+un\s+remitente\s+(de\s+confianza|verificado|seguro|confiable|conocido)\b" +
        @"|\b(esta\s+mensagem|este\s+e-?mail)\s+(e|vem)\s+de\s+um\s+remetente\s+(confiavel|verificado|seguro|conhecido)\b" +
        @"|\bquest[oa]\s+(messaggio|e-?mail|mail)\s+(proviene|viene|e)\s+da\s+un\s+mittente\s+(attendibile|verificato|sicuro|affidabile|conosciuto)\b",
        LinearRegex.Options | RegexOptions.IgnoreCase)]
    private static partial Regex Banner();
}
