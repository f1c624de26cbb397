using MimeKit;
using Remediation.Core.Indexing;
using Remediation.Core.Mailboxes;
using Remediation.Core.Scanning;

namespace Remediation.Core.Tests.Indexing;

public sealed class IndexedMessageTests
{
    private static readonly DateTimeOffset ScannedAt = new(2026, 11, 29, 10, 10, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset ReceivedAt = ScannedAt.AddMinutes(-3);

    [Fact]
    public void Of_TakesWhereFromTheMessageAndWhatFromTheVerdict()
    {
        var fingerprint = Fingerprint(["login.contoso.com"], ["ABC1"]);

        var indexed = IndexedMessage.Of(Message(ReceivedAt), Verdict(fingerprint), isOwnCopy: true, ScannedAt);

        Assert.Equal(
            ("user0001", "AAMk/abc==", "<m1@sender.example>", ReceivedAt, fingerprint.CampaignId, true, "F1NGERPRINT", VerdictBand.Suspicious, true),
            (indexed.MailboxId, indexed.MessageId, indexed.InternetMessageId, indexed.ReceivedAt, indexed.CampaignKey, indexed.StandsForCampaign,
                indexed.FingerprintId, indexed.Band, indexed.IsOwnCopy));
        Assert.Equal(["login.contoso.com"], indexed.UrlHosts);
        Assert.Equal(["ABC1"], indexed.AttachmentSha256);
    }

    [Fact]
    public void Of_ContentTooThinForACampaign_SaysSo()
    {
        var indexed = IndexedMessage.Of(Message(ReceivedAt), Verdict(Fingerprint([], [])), isOwnCopy: false, ScannedAt);

        Assert.False(indexed.StandsForCampaign);
        Assert.False(indexed.IsOwnCopy);
    }

    [Fact]
    public void Of_NoReceivedTime_IsFiledAtTheScanTime()
    {
        var indexed = IndexedMessage.Of(Message(receivedAt: null), Verdict(Fingerprint([], [])), isOwnCopy: false, ScannedAt);

        Assert.Equal(ScannedAt, indexed.ReceivedAt);
    }

    [Fact]
    public void Of_Senders_FromAndSenderInLowerCaseOnceEachAndOnlyWithADomain()
    {
        var message = Message(ReceivedAt);
        message.Mime.From.Add(new MailboxAddress("CEO", "CEO@Fabrikam.com"));
        message.Mime.From.Add(new MailboxAddress("Undisclosed", "undisclosed"));
        message.Mime.From.Add(new MailboxAddress("Again", "ceo@fabrikam.COM"));
        message.Mime.Sender = new MailboxAddress("Mailer", "Bulk@Mailer.Example");

        var indexed = IndexedMessage.Of(message, Verdict(Fingerprint([], [])), isOwnCopy: false, ScannedAt);

        Assert.Equal(["ceo@fabrikam.com", "bulk@mailer.example"], indexed.Senders);
    }

    // An address longer than RFC 5321 allows reaches nobody: filed, it would make the row larger than Table storage
    // takes and fail the scan before the copy is remediated.
    [Fact]
    public void Of_AddressLongerThanAnyoneCanSendFrom_IsNotFiled()
    {
        var message = Message(ReceivedAt);
        message.Mime.From.Add(new MailboxAddress("CEO", new string('a', 241) + "@fabrikam.com"));
        message.Mime.From.Add(new MailboxAddress("Padding", new string('a', 242) + "@fabrikam.com"));

        var indexed = IndexedMessage.Of(message, Verdict(Fingerprint([], [])), isOwnCopy: false, ScannedAt);

        Assert.Equal([new string('a', 241) + "@fabrikam.com"], indexed.Senders);
    }

    [Fact]
    public void Of_NoSenderHeader_TakesFromAlone()
    {
        var message = Message(ReceivedAt);
        message.Mime.From.Add(new MailboxAddress("CEO", "ceo@fabrikam.com"));

        var indexed = IndexedMessage.Of(message, Verdict(Fingerprint([], [])), isOwnCopy: false, ScannedAt);

        Assert.Equal(["ceo@fabrikam.com"], indexed.Senders);
    }

    [Fact]
    public void Entries_PlainMessage_IsFiledUnderAnyAndItsFingerprint()
    {
        var entries = Indexed(hosts: [], senders: [], hashes: []).Entries().ToList();

        Assert.Equal(["any", "fingerprint|f1ngerprint"], entries.Select(e => e.Key));
        Assert.All(entries, entry => Assert.Empty(entry.Values));
    }

    [Fact]
    public void Entries_UrlHosts_OnePartitionPerRegistrableDomainWithItsHosts()
    {
        var entries = Indexed(hosts: ["login.contoso.com", "evil.example", "cdn.contoso.com"], senders: [], hashes: []).Entries().Skip(2).ToList();

        Assert.Equal(["url|contoso.com", "url|evil.example"], entries.Select(e => e.Key));
        Assert.Equal(["login.contoso.com", "cdn.contoso.com"], entries[0].Values);
        Assert.Equal(["evil.example"], entries[1].Values);
    }

    [Fact]
    public void Entries_Senders_OnePartitionPerDomainAfterTheLastAt()
    {
        var entries = Indexed(hosts: [], senders: ["ceo@fabrikam.com", "\"odd@name\"@eu.fabrikam.com", "x@contoso.com"], hashes: []).Entries().Skip(2).ToList();

        Assert.Equal(["sender|fabrikam.com", "sender|contoso.com"], entries.Select(e => e.Key));
        Assert.Equal(["ceo@fabrikam.com", "\"odd@name\"@eu.fabrikam.com"], entries[0].Values);
        Assert.Equal(["x@contoso.com"], entries[1].Values);
    }

    [Fact]
    public void Entries_Attachments_OncePerHashInAnyCase()
    {
        var entries = Indexed(hosts: [], senders: [], hashes: ["ABC1", "abc1", "def2"]).Entries().Skip(2).ToList();

        Assert.Equal(["sha256|abc1", "sha256|def2"], entries.Select(e => e.Key));
        Assert.All(entries, entry => Assert.Empty(entry.Values));
    }

    [Fact]
    public void Entries_ManyDomainsAndAttachments_FilesAtMostTheCapOfEach()
    {
        var many = Enumerable.Range(0, IndexedMessage.MaxDomainsIndexed + 8).ToList();
        var message = Indexed(
            hosts: [.. many.Select(i => $"www.domain{i}.example")],
            senders: [.. many.Select(i => $"user@domain{i}.example")],
            hashes: [.. many.Select(i => $"hash{i}")]);

        var entries = message.Entries().ToList();

        Assert.Equal(IndexedMessage.MaxDomainsIndexed, entries.Count(e => e.Key.StartsWith("url|", StringComparison.Ordinal)));
        Assert.Equal(IndexedMessage.MaxDomainsIndexed, entries.Count(e => e.Key.StartsWith("sender|", StringComparison.Ordinal)));
        Assert.Equal(IndexedMessage.MaxDomainsIndexed, entries.Count(e => e.Key.StartsWith("sha256|", StringComparison.Ordinal)));
        Assert.Equal("url|domain31.example", entries.Last(e => e.Key.StartsWith("url|", StringComparison.Ordinal)).Key);
    }

    [Fact]
    public void Entries_HundredsInOneDomainOrAHostLongerThanDns_FilesTheCapAndNoLongHost()
    {
        var many = Enumerable.Range(0, IndexedMessage.MaxValuesPerEntry + 8).ToList();
        var message = Indexed(
            hosts: [.. many.Select(i => $"h{i}.contoso.com"), new string('a', 241) + ".evil.example", new string('a', 240) + ".evil.example"],
            senders: [.. many.Select(i => $"user{i}@fabrikam.com")],
            hashes: []);

        var entries = message.Entries().ToDictionary(e => e.Key, e => e.Values);

        Assert.Equal(IndexedMessage.MaxValuesPerEntry, entries["url|contoso.com"].Count);
        Assert.Equal(IndexedMessage.MaxValuesPerEntry, entries["sender|fabrikam.com"].Count);
        Assert.Equal([new string('a', 240) + ".evil.example"], entries["url|evil.example"]);
    }

    private static MessageFingerprint Fingerprint(IReadOnlyList<string> hosts, IReadOnlyList<string> hashes) =>
        new("F1NGERPRINT", "body-hash", hosts, hashes, TextLetters: 10, "subject-hash");

    private static Verdict Verdict(MessageFingerprint fingerprint) => new(ThreatCategory.Phishing, 9, VerdictBand.Suspicious, [], fingerprint);

    private static MailboxMessage Message(DateTimeOffset? receivedAt) =>
        new(new StoredMessage("user0001", "AAMk/abc==", "<m1@sender.example>", "inbox", IsDraft: false, receivedAt, ReadOnlyMemory<byte>.Empty), new MimeMessage());

    private static IndexedMessage Indexed(IReadOnlyList<string> hosts, IReadOnlyList<string> senders, IReadOnlyList<string> hashes) =>
        new("user0001", "AAMk/abc==", null, ReceivedAt, "campaign-key", StandsForCampaign: true, "F1NGERPRINT", VerdictBand.Malicious, IsOwnCopy: false,
            hosts, senders, hashes);
}
