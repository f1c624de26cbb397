using System.Text.RegularExpressions;
using MimeKit;
using Remediation.Core.Scanning.Brands;
using Remediation.Core.Scanning.Content;
using Remediation.Core.Scanning.Domains;
using Remediation.Core.Scanning.Structure;

namespace Remediation.Core.Scanning.Rules;

/// <summary>
/// The message speaks as a well-known brand (its sender name, address or subject names it) but neither comes from
/// nor links to any of the brand's domains: the most common tell of modern phishing. A brand only mentioned in the
/// body is what newsletters, shops and forwarded mail do, so it adds little on its own.
/// The brand's own address counts as the brand when this tenant's transport carried the message, a link goes to the
/// brand, or there is nothing to click: appended mail proves nothing about its sender, so one written as the brand's
/// address whose links all lead away from the brand is judged like any other claim.
/// </summary>
public sealed partial class BrandImpersonationRule(BrandCatalogue catalogue) : IScanRule
{
    public const string Name = "BRAND_IMPERSONATION";

    // "METAMASK Dear user", "Compte Microsoft :", "Aviso Itaú Cartões": a heading's words, before a sentence starts.
    private const int HeadingWords = 3;

    public IEnumerable<RuleHit> Evaluate(ScannedMessage message)
    {
        // A message without a From header (a draft, a note) speaks for no one; one whose From hides its address still speaks.
        if (!message.Mime.Headers.Contains(HeaderId.From)) yield break;
        var senders = message.Senders.ToList();
        var webHosts = LinkHosts(message);
        var heading = Heading(message);
        var headingSpeaks = new Lazy<bool>(() => HeadingSpeaks(senders, webHosts));
        var claims = ClaimsIn(message, heading, headingSpeaks);
        // Stryker disable once Statement : with no claim the loop below runs no time and nothing is returned either
        if (claims.Count == 0) yield break;
        var service = ServiceWords.In(message.SubjectAndText);
        // The subject and the body's heading are one headline: a brand named in either, with service words in either.
        var headlineSpeaks = !ForwardedSubject().IsMatch(message.Subject)
            && (ServiceWords.In(message.Subject).Success || (ServiceWords.In(heading).Success && headingSpeaks.Value));
        var mailDomains = MailLinkDomains(message);
        // Mail this tenant's transport found spoofed names the brand's address, or the tenant's own, as falsely as mail that
        // never passed transport.
        var unproven = message.Provenance.SenderUnproven;
        var spoofed = message.Provenance.SenderSpoofed;
        var fromTenant = !spoofed && senders.Count > 0 && senders.All(s => catalogue.IsTenantDomain(s.Domain));
        var signsOwnName = message.Mime.From.Mailboxes.Any(SignsOwnName);
        var personalMailbox = FreemailDomains.ContainsEvery(senders);
        RuleHit? strongest = null;
        foreach (var (brand, places) in claims)
        {
            var hosts = webHosts.Union(mailDomains.Where(d => !brand.Owns(d)), StringComparer.OrdinalIgnoreCase).ToList();
            var fromBrand = senders.Where(s => brand.SendsFrom(s.Domain)).ToList();
            // A mailbox at the brand's free mail is anyone's. Its own domain is the brand unless nothing proves it and
            // every link leads away from the brand; a document shared through the brand's service is its own too.
            var ownAddress = fromBrand.FirstOrDefault(s => !FreemailDomains.Contains(s.Domain))?.Address;
            if (fromBrand.Count > 0 && (ownAddress is null || !unproven || hosts.Count == 0 || hosts.Any(brand.Owns))) continue;
            var own = hosts.Where(h => brand.Owns(h) && !catalogue.IsUserContent(h)).ToList();
            var foreign = hosts.Except(own).Select(RegistrableDomain.Of).Distinct().ToList();
            var speaks = (places & (ClaimPlace.Subject | ClaimPlace.Heading)) != 0 && headlineSpeaks;
            var weight = WeightOf(places, service.Success, speaks, own.Count > 0, foreign.Count > 0, fromTenant, signsOwnName, personalMailbox);
            if (weight <= (strongest?.Weight ?? 0)) continue;
            var links = own.Count > 0 ? $"some links go to the brand ({string.Join(", ", own.Take(3))})"
                : foreign.Count > 0 ? $"its links go to {string.Join(", ", foreign.Take(3))}"
                : "it has no links";
            var context = service.Success ? $", in the words of its service (\"{service.Value}\")" : "";
            var sender = ownAddress is not null ? $"the sender's address {ownAddress} is unproven ({(spoofed ? $"this tenant's transport found {message.Provenance.SenderEvidence}" : "the message did not pass this tenant's transport")})"
                : senders.Count > 0 ? $"the sender is {(personalMailbox ? "the personal mailbox " : "")}{string.Join(", ", senders.Select(s => s.Address).Distinct())}"
                : "the From header names no sender address";
            strongest = new RuleHit(Name, weight, ThreatCategory.Phishing,
                $"Claims to be {brand.Name} ({Describe(places)}){context}, but {sender} and {links}; {brand.Name} sends from {string.Join(", ", brand.Domains.Take(3))}.");
        }
        if (strongest is not null) yield return strongest;
    }

    // A sender name or address naming the brand is the brand speaking: strong unless the links go to the brand (its
    // real notifications, or a phish that borrows its footer, which the other rules judge). A subject or the body's
    // heading naming the brand with service words speaks for it too, a little less, as a newsletter's headline can.
    // The body, link text, image alt text and attachment names are what shops and news write about brands: a little,
    // with service words, a link elsewhere, and the name in a logo, a file or the link itself. No brand speaks from a personal mailbox at
    // free mail, so there links to the brand are its borrowed footer, not its own notification.
    private static double WeightOf(ClaimPlace places, bool service, bool headlineSpeaks, bool ownLinks, bool foreignLinks, bool fromTenant, bool signsOwnName, bool personalMailbox)
    {
        // No person or thing writes a brand's name with an I for its l: the sender or subject passes for the brand
        // while slipping past filters, whatever other words surround it.
        if ((places & ClaimPlace.Disguised) != 0 && !ownLinks) return foreignLinks ? 8 : 5;
        if ((places & ClaimPlace.Sender) != 0)
        {
            if (ownLinks && !personalMailbox) return 2;
            // An address alone ("dhl-paket@…") speaks less clearly than a name the reader sees.
            if (foreignLinks) return service && (places & ClaimPlace.DisplayName) != 0 ? 8 : 5;
            // The organisation's own address naming a product with nothing to click: Outlook's test message, IT notes.
            if (fromTenant) return 0;
            return service ? 5 : 3;
        }
        if (headlineSpeaks && !ownLinks)
        {
            // A shop that signs with its own name ("Gadget Shop" at gadgetshop.example) is talking about the brand.
            return signsOwnName ? 2 : foreignLinks ? 5 : 3;
        }
        var content = places & (ClaimPlace.LinkText | ClaimPlace.ImageText | ClaimPlace.AttachmentName);
        return content != 0 && service && foreignLinks && !ownLinks ? 2 : 0;
    }

    private Dictionary<Brand, ClaimPlace> ClaimsIn(ScannedMessage message, string heading, Lazy<bool> headingSpeaks)
    {
        var claims = new Dictionary<Brand, ClaimPlace>();
        void Claim(string text, ClaimPlace place, Func<BrandMention, bool>? ambiguousCounts = null, string? mailDomain = null, IReadOnlyCollection<BrandMention>? found = null)
        {
            // What the reader sees first is read twice: as written, and with each I that passes for an l and each l that
            // passes for an I swapped back and each name spelled letter by letter joined. A name found only the second
            // way was disguised ("Iedger", "ltaú", "P a y P a l"), which no person or thing is: it counts as the brand.
            var unmasked = place is ClaimPlace.DisplayName or ClaimPlace.Subject ? Unmasked(text) : null;
            var written = found ?? catalogue.Matcher.Find(text);
            // "Ledger WaIIet" is written as the ambiguous "Ledger" and read as the product "Ledger Wallet": the name decides.
            var disguised = unmasked is null ? [] : catalogue.Matcher.Find(unmasked).Where(m => !written.Any(w => w.Brand == m.Brand && w.Name == m.Name));
            foreach (var (mention, masked) in written.Select(m => (m, false)).Concat(disguised.Select(m => (m, true))))
            {
                if (mention.Ambiguous && !masked && ambiguousCounts?.Invoke(mention) != true) continue;
                // An address at gmail.com names Google only as the mailbox provider, and one at verizon.net or
                // gmx.co.uk is the brand's own under a name the catalogue does not list; dhl-express.example is not.
                if (mailDomain is not null && (mention.Brand.Owns(mailDomain) || BrandText.Words(RegistrableDomain.LabelOf(mailDomain)) == BrandText.Words(mention.Name))) continue;
                claims[mention.Brand] = claims.GetValueOrDefault(mention.Brand) | place | (masked ? ClaimPlace.Disguised : ClaimPlace.None);
            }
        }
        // "Orange", "Chase" or "Apple" is a brand as the whole sender name, beside a service word, signed by a desk
        // ("Orange Service Client", "Ripple Team") or by someone of its staff ("Hiba from Ledger"), and a person or a
        // thing anywhere else ("Chase Miller", "Apple Farm Shop").
        void ClaimName(string name) => Claim(name, ClaimPlace.DisplayName, m => BrandText.Words(name) == BrandText.Words(m.Name)
            || ServiceWords.In(name).Success || ServiceWords.NameTheDesk(Diacritics.Remove(name)) || SignsFromTheBrand(name, m));
        foreach (var sender in message.Senders)
        {
            ClaimName(sender.Name ?? "");
            Claim(sender.Address, ClaimPlace.SenderAddress, mailDomain: sender.Domain);
        }
        // A From header that hides its address still shows a name, which the parser may have dropped or taken for an address.
        if (FromHeader.HiddenSenderName(message.Mime) is { } shown) ClaimName(shown);
        Claim(message.Subject, ClaimPlace.Subject);
        var headingBrands = catalogue.Matcher.Find(heading);
        // Stryker disable once Logical : a heading that names no brand claims nothing either way; the order only spares the sender check
        if (headingBrands.Count > 0 && headingSpeaks.Value) Claim(heading, ClaimPlace.Heading, found: headingBrands);
        Claim(message.Text, ClaimPlace.Body);
        Claim(string.Join('\n', message.Anchors.Select(a => a.Text)), ClaimPlace.LinkText);
        Claim(string.Join('\n', message.ImageText), ClaimPlace.ImageText);
        Claim(string.Join('\n', message.Attachments.Select(a => a.FileName)), ClaimPlace.AttachmentName);
        return claims;
    }

    // "Hiba from Ledger": a brand's staff sign so, the brand last; "Tom from Apple Farm Shop" names a shop.
    private static bool SignsFromTheBrand(string name, BrandMention mention) =>
        BrandText.Words(name).EndsWith(" from" + BrandText.Words(mention.Name), StringComparison.OrdinalIgnoreCase);

    private static string? Unmasked(string text)
    {
        var joined = BrandText.WithSpacedLettersJoined(text);
        return BrandText.WithIAndLUnswapped(joined ?? text) ?? joined;
    }

    /// <summary>The first words of the text a reader sees, where a heading or a letterhead names who speaks.</summary>
    private static string Heading(ScannedMessage message)
    {
        // Only the opening of a long body is split.
        var opening = message.VisibleText.Length <= 200 ? message.VisibleText : message.VisibleText[..200];
        return string.Join(' ', opening.Split((char[]?)null, HeadingWords + 1, StringSplitOptions.RemoveEmptyEntries).Take(HeadingWords));
    }

    // A heading ("METAMASK", "Compte Microsoft :", "Aviso Itaú") speaks like a subject, unless the mail is
    // visibly the sender's own: it links to the sender's domain, or the sender is a catalogue brand, whose notices
    // open with the shop they serve ("Ihr Zalando-Paket kommt heute" from DHL).
    private bool HeadingSpeaks(List<MimeKit.MailboxAddress> senders, List<string> webHosts)
    {
        if (senders.Any(s => catalogue.IsBrandSender(s.Domain))) return false;
        var own = senders.Select(s => RegistrableDomain.Of(s.Domain)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return !webHosts.Any(h => own.Contains(RegistrableDomain.Of(h)));
    }

    /// <summary>True when the sender's name is its domain's name: "Gadget Shop" at news.gadgetshop.example.</summary>
    private static bool SignsOwnName(MimeKit.MailboxAddress sender)
    {
        var label = BrandText.Words(RegistrableDomain.LabelOf(sender.Domain)).Trim().Replace(" ", "", StringComparison.Ordinal);
        var name = BrandText.Words(sender.Name ?? "").Trim();
        return label.Length >= 3 && name.Length > 0 && (name.Replace(" ", "", StringComparison.Ordinal) == label || name.Split(' ').Any(w => w.Length >= 4 && w == label));
    }

    /// <summary>
    /// The hosts a reader can go to: anchors and addresses written in the text, not images or markup. A link through
    /// a well-known site's redirect goes where the redirect sends it: Bing's click tracking is not Microsoft's page.
    /// </summary>
    private static List<string> LinkHosts(ScannedMessage message) =>
        [.. message.AnchorLinks.Select(l => OpenRedirectLinkRule.Destination(l) ?? l.IdnHost).Concat(HostsOf(HttpUrls.In(message.Text), "http", "https")).Distinct(StringComparer.OrdinalIgnoreCase)];

    /// <summary>
    /// The domains a mail link writes to. "Report this sign-in" as a mailto: to a stranger's domain leads the reader
    /// away from the brand; one to the brand's own address proves nothing, as anyone can write it.
    /// </summary>
    private static List<string> MailLinkDomains(ScannedMessage message) => HostsOf(message.Anchors.Select(a => a.Href), "mailto");

    private static List<string> HostsOf(IEnumerable<string> hrefs, params string[] schemes) =>
        [.. hrefs.Select(href => Uri.TryCreate(href.Trim(), UriKind.Absolute, out var uri) && schemes.Contains(uri.Scheme) ? WebUri.IdnHostOf(uri) : null)
            .OfType<string>().Where(host => host.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)];

    private static string Describe(ClaimPlace places) => string.Join(", ",
        Enum.GetValues<ClaimPlace>().Where(p => p is not (ClaimPlace.None or ClaimPlace.Sender) && places.HasFlag(p)).Select(p => p switch
        {
            ClaimPlace.DisplayName => "sender name",
            ClaimPlace.SenderAddress => "sender address",
            ClaimPlace.Subject => "subject",
            ClaimPlace.Body => "body",
            ClaimPlace.LinkText => "link text",
            ClaimPlace.ImageText => "image text",
            ClaimPlace.Heading => "heading",
            ClaimPlace.Disguised => "the name disguised",
            _ => "attachment name",
        }));

    [GeneratedRegex(@"^\s*(fwd?|fw|wg|tr|rv|enc|doorst|i)\s*:", LinearRegex.Options | RegexOptions.IgnoreCase)]
    private static partial Regex ForwardedSubject();
}
