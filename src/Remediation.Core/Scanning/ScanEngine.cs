using Microsoft.Extensions.Options;
using Remediation.Core.Scanning.Domains;
using Remediation.Core.Scanning.Rules;

namespace Remediation.Core.Scanning;

/// <summary>Runs every rule over a message and turns the evidence into a verdict. Never throws on what a message holds.</summary>
public sealed class ScanEngine
{
    public const string AllowlistedRule = "ALLOWLISTED";
    public const string RuleFailed = "RULE_FAILED";

    /// <summary>
    /// Changes whenever the engine's code or shipped data (rules, model, brand catalogue) does: deterministic builds
    /// derive the module's id from its content. A new version re-scans recent mail (see <c>HuntTriggers</c>).
    /// </summary>
    public static string Version { get; } = typeof(ScanEngine).Assembly.ManifestModule.ModuleVersionId.ToString("N");

    // When several threats have evidence of their own, the worst one names the verdict.
    private static readonly ThreatCategory[] BySeverity = [ThreatCategory.Malware, ThreatCategory.Phishing, ThreatCategory.Spam];

    private readonly IScanRule[] _rules;
    private readonly DetectionOptions _options;
    private readonly string _tenantId;
    private readonly IReadOnlyCollection<string> _exchangeDomains;
    private readonly bool _transportChecksSenders;
    private readonly HashSet<string> _allowedFingerprints;
    private readonly HashSet<string> _allowedAddresses;
    private readonly DomainList _allowedDomains;

    public ScanEngine(IEnumerable<IScanRule> rules, IOptions<DetectionOptions> options, IOptions<TenantOptions> tenant)
    {
        _rules = [.. rules];
        _options = options.Value;
        _tenantId = tenant.Value.TenantId;
        _exchangeDomains = tenant.Value.ExchangeDomains;
        _transportChecksSenders = tenant.Value.TransportChecksSenders;
        _allowedFingerprints = new(_options.AllowedFingerprints, StringComparer.OrdinalIgnoreCase);
        _allowedAddresses = new(_options.AllowedSenders.Where(s => s.Contains('@', StringComparison.Ordinal)), StringComparer.OrdinalIgnoreCase);
        _allowedDomains = new DomainList(_options.AllowedSenders.Where(s => !s.Contains('@', StringComparison.Ordinal)));
    }

    /// <summary>The bounds on a scan's cost, which reading a message for the engine must respect too.</summary>
    public ScanLimits Limits => _options.Limits;

    public Verdict Scan(ScanInput input) => Judge(Read(input));

    private Verdict Judge(ScannedMessage message)
    {
        var hits = new List<RuleHit>();
        var unscannable = message.LimitExceeded;
        foreach (var rule in _rules)
        {
            try
            {
                hits.AddRange(rule.Evaluate(message));
            }
            catch (Exception error) when (error is not OutOfMemoryException)
            {
                // A rule that trips over a malformed message must not take the verdict down with it.
                hits.Add(new RuleHit(RuleFailed, 0, ThreatCategory.Clean, $"{rule.GetType().Name} failed: {error.Message}"));
                unscannable ??= new(ScanLimit.RuleFailed, $"the rule {rule.GetType().Name} could not read it");
            }
        }

        // Arrival and content combined, once every other rule has spoken.
        if (AppendedSuspiciousContentRule.Evaluate(message, hits.Sum(h => h.Weight) - ArrivalEvidence.WeightOf(hits), _options.SuspiciousThreshold, _options.MaliciousThreshold)
            is { } appended)
        {
            hits.Add(appended);
        }
        var fingerprint = MessageFingerprint.Of(message);
        var score = Math.Round(hits.Sum(h => h.Weight), 2);
        if (AllowlistEntryFor(message, fingerprint, hits) is { } entry)
        {
            hits.Add(new RuleHit(AllowlistedRule, 0, ThreatCategory.Clean, $"Released by the SOC's allowlist ({entry})."));
            return new Verdict(ThreatCategory.Clean, score, VerdictBand.Clean, hits, fingerprint) { CampaignKey = KeyOf(fingerprint, VerdictBand.Clean, hits), Provenance = message.Provenance };
        }

        var band = score >= _options.MaliciousThreshold ? VerdictBand.Malicious
            : unscannable is not null ? VerdictBand.Unscannable
            : score >= _options.SuspiciousThreshold ? VerdictBand.Suspicious
            : VerdictBand.Clean;
        var category = score < _options.SuspiciousThreshold ? ThreatCategory.Clean : CategoryOf(hits);
        var content = Math.Round(score - ArrivalEvidence.WeightOf(hits), 2);
        return new Verdict(category, score, band, hits, fingerprint, unscannable)
        {
            CampaignKey = KeyOf(fingerprint, band, hits),
            CopyBound = band == VerdictBand.Malicious && content < _options.MaliciousThreshold,
            HoldsForEveryArrival = band == VerdictBand.Malicious
                ? content >= _options.MaliciousThreshold
                : content + ArrivalEvidence.MostPoints(content, _options.SuspiciousThreshold) < _options.MaliciousThreshold,
            Provenance = message.Provenance,
        };
    }

    private string? KeyOf(MessageFingerprint fingerprint, VerdictBand band, List<RuleHit> hits) =>
        !fingerprint.CanStandForCampaign ? null
        : band == VerdictBand.Malicious && ContentEvidence.WeightOf(hits) < _options.MaliciousThreshold ? null
        : fingerprint.CampaignId;

    /// <summary>The fingerprint alone, for checking that a copy found by Message-ID is the campaign's content.</summary>
    public MessageFingerprint FingerprintOf(MimeKit.MimeMessage mime) =>
        MessageFingerprint.Of(Read(new ScanInput(mime)));

    /// <summary>
    /// A copy the remediation stage found, judged once: its fingerprint and, when <paramref name="weighEvidence"/>, whether
    /// it is malicious by its own evidence. No fingerprint holds every piece of evidence a verdict read (a hidden word, a
    /// header, a MIME build), so a campaign's verdict stands for a copy only when the copy shows that evidence itself.
    /// </summary>
    public CopyJudgement JudgeCopy(MimeKit.MimeMessage mime, bool weighEvidence) => JudgeCopy(Read(new ScanInput(mime)), weighEvidence);

    /// <summary>
    /// The same from what the store shows of a copy (its subject, one body, its addresses), or null when what it shows
    /// may not be all there is to compare: files or inline images are attached (their hashes are in a fingerprint; the
    /// store did not return them), the body is over the scan limits, or it holds too little to tell messages apart.
    /// Without the addresses it is never malicious by itself; the MIME then decides. So it does when the copy would be
    /// malicious but names a sender the SOC allowlisted: only the MIME's transport stamps can prove that sender, and
    /// then the allowlist releases it (an outsider copying a partner's mail must not move the partner's real copies).
    /// </summary>
    /// <remarks>
    /// A match is as strong as the MIME's: a campaign's fingerprint holds the text of every body part it has, so a copy
    /// whose one shown body gives the same fingerprint shows every word and link host the campaign's verdict read.
    /// A campaign with text and HTML alternatives holds both texts, which one shown body hardly ever does: such copies
    /// are compared in full.
    /// </remarks>
    public CopyJudgement? JudgeCopy(Mailboxes.ShownContent shown, bool weighEvidence)
    {
        if (shown.HasAttachments || shown.BodyIsHtml && shown.Body.Contains("cid:", StringComparison.OrdinalIgnoreCase)) return null;
        var message = Read(new ScanInput(ShownMime(shown)));
        if (message.LimitExceeded is not null) return null;
        var judged = JudgeCopy(message, weighEvidence && shown.Senders is not null);
        return !judged.Fingerprint.CanStandForCampaign ? null
            : weighEvidence && shown.Senders is null ? judged with { MaliciousByItself = false }
            : judged.MaliciousByItself == true && NamesAllowedSender(shown.Senders!) ? null
            : judged;
    }

    private bool NamesAllowedSender(Mailboxes.ShownSenders senders) =>
        senders.From.Select(f => f.Address).Append(senders.Sender).Any(address => address is not null && AllowedSenderEntry(address) is not null);

    // Malicious without the points for how the copy arrived (not copy-bound), and not released by the SOC's allowlist.
    private CopyJudgement JudgeCopy(ScannedMessage message, bool weighEvidence) =>
        weighEvidence && Judge(message) is var verdict
            ? new CopyJudgement(verdict.Fingerprint, verdict.IsMalicious && !verdict.CopyBound)
            : new CopyJudgement(MessageFingerprint.Of(message), null);

    // What the store shows, as a message the engine reads: the subject, the body and, when returned, the addresses.
    private static MimeKit.MimeMessage ShownMime(Mailboxes.ShownContent shown)
    {
        var mime = new MimeKit.MimeMessage { Subject = shown.Subject, Body = new MimeKit.TextPart(shown.BodyIsHtml ? "html" : "plain") { Text = shown.Body } };
        if (shown.Senders is not { } senders) return mime;
        foreach (var (name, address) in senders.From)
        {
            if (MimeKit.MailboxAddress.TryParse(address, out var from)) mime.From.Add(new MimeKit.MailboxAddress(name, from.Address));
        }
        if (MimeKit.MailboxAddress.TryParse(senders.Sender ?? "", out var sender)
            && !mime.From.Mailboxes.Any(f => f.Address.Equals(sender.Address, StringComparison.OrdinalIgnoreCase))) mime.Sender = sender;
        foreach (var reply in senders.ReplyTo)
        {
            if (MimeKit.MailboxAddress.TryParse(reply, out var address)) mime.ReplyTo.Add(address);
        }
        return mime;
    }

    private ScannedMessage Read(ScanInput input) => ScannedMessage.Read(input, _options.Limits, _tenantId, _exchangeDomains, _transportChecksSenders);

    private ThreatCategory CategoryOf(List<RuleHit> hits)
    {
        var weights = BySeverity.ToDictionary(c => c, c => hits.Where(h => h.Category == c).Sum(h => h.Weight));
        if (weights[ThreatCategory.Malware] >= _options.SuspiciousThreshold) return ThreatCategory.Malware;
        // Phishing and spam are not rivals to be weighed against each other: a phish is unsolicited mail that also
        // speaks for someone it is not or asks for credentials or money, so the spam classifier finding its words
        // spammy says nothing against that. Evidence of the deception names the threat whatever the spam weight.
        if (DeceptionEvidence.In(hits)) return ThreatCategory.Phishing;
        foreach (var category in BySeverity)
        {
            if (weights[category] >= _options.SuspiciousThreshold) return category;
        }
        // Only neutral evidence (provenance) or several small signals: the heaviest names it, spam by default.
        var heaviest = weights.MaxBy(w => w.Value);
        return heaviest.Value > 0 ? heaviest.Key : ThreatCategory.Spam;
    }

    private string? AllowlistEntryFor(ScannedMessage message, MessageFingerprint fingerprint, List<RuleHit> hits)
    {
        if (_allowedFingerprints.Contains(fingerprint.Id)) return $"fingerprint {fingerprint.Id}";
        // Anyone can write any From: only mail whose sender this tenant's transport authenticated is released by sender.
        // And never malware: a partner's account can be stolen, and transport's stamps copied into mail placed over IMAP
        // look authenticated too. Only the SOC's word on the content itself (its fingerprint) releases that.
        if (!message.Provenance.SenderProven || hits.Where(h => h.Category == ThreatCategory.Malware).Sum(h => h.Weight) >= _options.SuspiciousThreshold) return null;
        foreach (var sender in message.Mime.From.Mailboxes)
        {
            if (AllowedSenderEntry(sender.Address) is { } entry) return entry;
        }
        return null;
    }

    // The allowlist entry naming this address or its domain, or null.
    private string? AllowedSenderEntry(string address)
    {
        if (_allowedAddresses.Contains(address)) return $"sender {address}";
        var at = address.LastIndexOf('@');
        return at >= 0 && _allowedDomains.Match(address[(at + 1)..]) is { } domain ? $"sender domain {domain}" : null;
    }
}
