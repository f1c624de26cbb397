using Remediation.Core.Scanning.Domains;

namespace Remediation.Core.Scanning.Classification;

/// <summary>
/// Turns a message into hashed features for the spam classifier: words and word pairs of the body, words of the
/// subject, the domains it links to, and a few facts about its shape. Hashing keeps the model a fixed, small size
/// and needs no vocabulary; the hash is stable across processes and machines.
/// </summary>
internal static class SpamFeatures
{
    // Past this many words the rest of a long body adds time, not evidence.
    private const int MaxWords = 5_000;
    private const int MaxTokenLength = 24;

    private const uint FnvOffset = 2166136261;
    private const uint FnvPrime = 16777619;

    public static void Extract(ScannedMessage message, int bucketBits, List<int> buckets)
    {
        buckets.Clear();
        var mask = (1 << bucketBits) - 1;
        AddWords(message.Subject, 's', mask, buckets, pairs: false);
        AddWords(message.Text, 'b', mask, buckets, pairs: true);
        foreach (var link in message.Links)
        {
            var domain = RegistrableDomain.Of(link.IdnHost);
            buckets.Add(Bucket(Hash(Hash(FnvOffset, 'h'), domain), mask));
        }
        AddHeaders(message, mask, buckets);
        AddShape(message, mask, buckets);
        buckets.Sort();
        var unique = 0;
        for (var i = 0; i < buckets.Count; i++)
        {
            if (i == 0 || buckets[i] != buckets[i - 1]) buckets[unique++] = buckets[i];
        }
        buckets.RemoveRange(unique, buckets.Count - unique);
    }

    // Headers the sender's software writes, not those of the servers and lists it passed through: the latter describe
    // the corpus's own mail path more than spam.
    private static void AddHeaders(ScannedMessage message, int mask, List<int> buckets)
    {
        var from = message.Mime.From.Mailboxes.FirstOrDefault();
        if (from is not null)
        {
            AddWords(from.Name ?? "", 'n', mask, buckets, pairs: false);
            AddWords(from.Domain, 'd', mask, buckets, pairs: false);
        }
        AddWords(message.Mime.Headers["X-Mailer"] ?? message.Mime.Headers["User-Agent"] ?? "none", 'm', mask, buckets, pairs: false);
        var type = message.Mime.Body?.ContentType;
        if (type is not null) AddWords($"{type.MimeType} {type.Charset}", 't', mask, buckets, pairs: false);
        foreach (var header in (string[])["X-Priority", "X-MSMail-Priority", "Reply-To", "Cc", "In-Reply-To", "Organization"])
        {
            if (message.Mime.Headers.Contains(header)) AddWords(header, 'x', mask, buckets, pairs: false);
        }
        // Mail software names its Message-ID after the sender's own domain; bulk tools and relays often do not.
        var idDomain = message.Mime.MessageId is { } id && id.LastIndexOf('@') is var at and >= 0 ? id[(at + 1)..] : "";
        var sameDomain = from is not null && idDomain.Length > 0 && RegistrableDomain.Of(idDomain) == RegistrableDomain.Of(from.Domain);
        AddWords(sameDomain ? "msgid-sender" : idDomain.Length > 0 ? "msgid-other" : "msgid-none", 'x', mask, buckets, pairs: false);
        // Senders of wanted bulk mail link to their own sites; spam's links rarely match its claimed sender.
        if (from is not null && message.Links.Count > 0)
        {
            var senderDomain = RegistrableDomain.Of(from.Domain);
            var aligned = message.Links.Any(l => RegistrableDomain.Of(l.IdnHost) == senderDomain);
            AddWords(aligned ? "links-sender" : "links-elsewhere", 'x', mask, buckets, pairs: false);
        }
        var to = message.Mime.To.Mailboxes.ToList();
        AddWords(to.Count == 0 ? "to-none" : to.Count > 5 ? "to-many" : "to-some", 'x', mask, buckets, pairs: false);
    }

    private static void AddShape(ScannedMessage message, int mask, List<int> buckets)
    {
        void Add(string fact) => buckets.Add(Bucket(Hash(Hash(FnvOffset, '#'), fact), mask));
        if (message.HasHtmlBody) Add("html");
        if (message.HasHtmlBody && !message.Mime.BodyParts.OfType<MimeKit.TextPart>().Any(p => p.IsPlain)) Add("html-only");
        if (message.Links.Count > 0) Add(message.Links.Count > 10 ? "links-many" : "links-some");
        if (message.Text.Length < 200) Add("short");
        foreach (var attachment in message.Attachments) Add("att:" + attachment.Extension);
        foreach (var markup in message.HtmlMarkup) Add("<" + markup);
    }

    private static void AddWords(string text, char field, int mask, List<int> buckets, bool pairs)
    {
        var seed = Hash(FnvOffset, field);
        var hash = seed;
        var length = 0;
        var previous = 0u;
        var words = 0;
        var upper = 0;
        foreach (var c in text.AsSpan())
        {
            if (char.IsLetterOrDigit(c) || c is '$' or '\'' or '!')
            {
                if (char.IsUpper(c)) upper++;
                if (length < MaxTokenLength) hash = Hash(hash, char.ToLowerInvariant(c));
                length++;
                continue;
            }
            if (length == 0) continue;
            EndWord(ref hash, ref length, ref previous, ref upper, seed, mask, buckets, pairs);
            if (++words >= MaxWords) return;
        }
        if (length > 0) EndWord(ref hash, ref length, ref previous, ref upper, seed, mask, buckets, pairs);
    }

    private static void EndWord(ref uint hash, ref int length, ref uint previous, ref int upper, uint seed, int mask, List<int> buckets, bool pairs)
    {
        if (length >= 2)
        {
            // Shouting is a signal of its own, apart from the word.
            if (upper == length && length >= 3) hash = Hash(hash, '^');
            buckets.Add(Bucket(hash, mask));
            if (pairs && previous != 0) buckets.Add(Bucket((previous * FnvPrime) ^ hash ^ 0x9E3779B9u, mask));
            previous = hash;
        }
        hash = seed;
        length = 0;
        upper = 0;
    }

    private static uint Hash(uint hash, char c)
    {
        hash = (hash ^ (c & 0xFFu)) * FnvPrime;
        return (hash ^ (uint)(c >> 8)) * FnvPrime;
    }

    private static uint Hash(uint hash, string text)
    {
        foreach (var c in text) hash = Hash(hash, c);
        return hash;
    }

    // Fold the high bits in: FNV's low bits alone spread poorly.
    private static int Bucket(uint hash, int mask) => (int)((hash ^ (hash >> 15)) & (uint)mask);
}
