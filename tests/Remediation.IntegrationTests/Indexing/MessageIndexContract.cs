using Remediation.Core.Campaigns;
using Remediation.Core.Indexing;
using Remediation.Core.Scanning;

namespace Remediation.IntegrationTests.Indexing;

/// <summary>
/// What every message index promises, whichever store keeps it: run against the in-memory twin and Table storage. Each
/// test files its messages under a campaign key and fingerprint of its own, so tests sharing a store never meet.
/// </summary>
public abstract class MessageIndexContract
{
    private static readonly DateTimeOffset TenPast10 = new(2026, 11, 29, 10, 10, 0, TimeSpan.Zero);

    protected abstract IMessageIndex Index { get; }

    [Fact]
    public async Task CopiesAsync_UnknownCampaignKey_IsEmpty()
    {
        Assert.Empty(await Index.CopiesAsync(NewKey(), CancellationToken.None));
    }

    [Fact]
    public async Task CopiesAsync_FindsEveryCopyFiledUnderTheCampaignKeyOnly()
    {
        var key = NewKey();
        await RecordAsync(
            Message(key, "user0001", "AAMk/one+a=="),
            Message(key, "user0002", "AAMk/two+b==") with { InternetMessageId = null },
            Message(key, "sender01", "AAMk/sent+c==") with { IsOwnCopy = true },
            Message(NewKey(), "user0003", "AAMk/other+d=="));

        var copies = await Index.CopiesAsync(key, CancellationToken.None);

        Assert.Equal(
            [
                new CopyLocation("sender01", "AAMk/sent+c==", "<m1@sender.example>", IsOwnCopy: true),
                new CopyLocation("user0001", "AAMk/one+a==", "<m1@sender.example>"),
                new CopyLocation("user0002", "AAMk/two+b==", null),
            ],
            copies.OrderBy(c => c.MailboxId, StringComparer.Ordinal));
    }

    [Fact]
    public async Task RecordAsync_SameMessageAgain_ChangesNothing()
    {
        var key = NewKey();
        var message = Message(key, "user0001", "AAMk/one+a==");
        await RecordAsync(message);

        await RecordAsync(message);

        Assert.Single(await Index.CopiesAsync(key, CancellationToken.None));
        Assert.Single(await AllPagesAsync(IndexKeys.Fingerprint(message.FingerprintId), DateTimeOffset.MinValue, pageSize: 10));
    }

    [Fact]
    public async Task RecordAsync_SameCopyScannedAgain_TheLaterFilingStands()
    {
        var message = Message(NewKey(), "user0001", "AAMk/one+a==") with { Band = VerdictBand.Suspicious };
        await RecordAsync(message);

        await RecordAsync(message with { Band = VerdictBand.Malicious });

        var copy = Assert.Single(await AllPagesAsync(IndexKeys.Fingerprint(message.FingerprintId), DateTimeOffset.MinValue, pageSize: 10));
        Assert.Equal(VerdictBand.Malicious, copy.Band);
    }

    [Fact]
    public async Task PageAsync_CarriesTheCopyAndWhatThePartitionFiledItUnder()
    {
        var domain = $"{NewKey()}.example";
        var message = Message(NewKey(), "user0001", "AAMk/one+a==") with
        {
            UrlHosts = [$"login.{domain}", $"cdn.{domain}", "unrelated.example.org"],
            StandsForCampaign = false,
            Band = VerdictBand.Suspicious,
            IsOwnCopy = true,
        };
        await RecordAsync(message);

        var page = await Index.PageAsync(IndexKeys.UrlDomain(domain), DateTimeOffset.MinValue, null, 10, CancellationToken.None);

        var copy = Assert.Single(page.Copies);
        Assert.Equal(
            (message.MailboxId, message.MessageId, message.InternetMessageId, message.ReceivedAt, message.CampaignKey, false, VerdictBand.Suspicious, true),
            (copy.MailboxId, copy.MessageId, copy.InternetMessageId, copy.ReceivedAt, copy.CampaignKey, copy.StandsForCampaign, copy.Band, copy.IsOwnCopy));
        Assert.Equal([$"login.{domain}", $"cdn.{domain}"], copy.Values);
        Assert.Null(page.Continuation);
    }

    [Fact]
    public async Task PageAsync_PartitionWithoutValues_GivesNoValues()
    {
        var message = Message(NewKey(), "user0001", "AAMk/one+a==");
        await RecordAsync(message);

        var page = await Index.PageAsync(IndexKeys.Fingerprint(message.FingerprintId), DateTimeOffset.MinValue, null, 10, CancellationToken.None);

        Assert.Empty(Assert.Single(page.Copies).Values);
    }

    [Fact]
    public async Task PageAsync_FromSince_OldestFirst()
    {
        var key = NewKey();
        await RecordAsync(
            Message(key, "user0003", "m3", TenPast10.AddMinutes(3)),
            Message(key, "user0000", "m0", TenPast10.AddMinutes(-1)),
            Message(key, "user0001", "m1", TenPast10),
            Message(key, "user0002", "m2", TenPast10.AddMinutes(2)));

        var copies = await AllPagesAsync(IndexKeys.Fingerprint(key), TenPast10, pageSize: 10);

        Assert.Equal(["m1", "m2", "m3"], copies.Select(c => c.MessageId));
    }

    [Fact]
    public async Task PageAsync_MoreThanAPage_ContinuesWhereThePageEnded()
    {
        var key = NewKey();
        await RecordAsync([.. Enumerable.Range(0, 5).Reverse().Select(i => Message(key, $"user{i:D4}", $"m{i}", TenPast10.AddSeconds(i)))]);

        var first = await Index.PageAsync(IndexKeys.Fingerprint(key), TenPast10, null, 2, CancellationToken.None);
        var all = await AllPagesAsync(IndexKeys.Fingerprint(key), TenPast10, pageSize: 2);

        Assert.Equal(["m0", "m1"], first.Copies.Select(c => c.MessageId));
        Assert.NotNull(first.Continuation);
        Assert.Equal(["m0", "m1", "m2", "m3", "m4"], all.Select(c => c.MessageId));
    }

    [Fact]
    public async Task PageAsync_NothingSince_IsEmptyWithoutContinuation()
    {
        var key = NewKey();
        await RecordAsync(Message(key, "user0001", "m1", TenPast10));

        var page = await Index.PageAsync(IndexKeys.Fingerprint(key), TenPast10.AddTicks(1), null, 10, CancellationToken.None);

        Assert.Empty(page.Copies);
        Assert.Null(page.Continuation);
    }

    [Fact]
    public async Task PageAsync_SenderAndAttachmentPartitions_FindTheMessage()
    {
        var domain = $"{NewKey()}.example";
        var hash = NewKey() + NewKey();
        var message = Message(NewKey(), "user0001", "m1") with { Senders = [$"ceo@{domain}"], AttachmentSha256 = [hash.ToUpperInvariant()] };
        await RecordAsync(message);

        var bySender = await AllPagesAsync(IndexKeys.SenderDomain(domain), DateTimeOffset.MinValue, pageSize: 10);
        var byAttachment = await AllPagesAsync(IndexKeys.Attachment(hash), DateTimeOffset.MinValue, pageSize: 10);

        Assert.Equal([$"ceo@{domain}"], Assert.Single(bySender).Values);
        Assert.Equal("m1", Assert.Single(byAttachment).MessageId);
    }

    // '%' is a legal address character that the Table adapter escapes to three: 240 of them made a partition key past
    // the service's limit, and the failed write failed every scan of the phish before its remediation.
    [Theory]
    [InlineData('%')]
    [InlineData('/')]
    [InlineData('x')]
    public async Task PageAsync_SenderDomainEscapedPastTheKeyLimit_IsFiledAndFound(char c)
    {
        var domain = $"{new string(c, 200)}{NewKey()}.example";
        var message = Message(NewKey(), "user0001", "m1") with { Senders = [$"a@{domain}"] };
        await RecordAsync(message);

        var bySender = await AllPagesAsync(IndexKeys.SenderDomain(domain), DateTimeOffset.MinValue, pageSize: 10);

        Assert.Equal([$"a@{domain}"], Assert.Single(bySender).Values);
    }

    private static string NewKey() => Guid.NewGuid().ToString("N");

    // The fingerprint is the campaign key too, unless a test files copies of one campaign key under other fingerprints.
    private static IndexedMessage Message(string key, string mailboxId, string messageId, DateTimeOffset? receivedAt = null) => new(
        mailboxId, messageId, "<m1@sender.example>", receivedAt ?? TenPast10, key, StandsForCampaign: true, FingerprintId: key, VerdictBand.Malicious,
        IsOwnCopy: false, UrlHosts: [], Senders: [], AttachmentSha256: []);

    private async Task RecordAsync(params IndexedMessage[] messages)
    {
        foreach (var message in messages) await Index.RecordAsync(message, CancellationToken.None);
    }

    private async Task<List<IndexedCopy>> AllPagesAsync(string partitionKey, DateTimeOffset since, int pageSize)
    {
        List<IndexedCopy> copies = [];
        string? continuation = null;
        do
        {
            var page = await Index.PageAsync(partitionKey, since, continuation, pageSize, CancellationToken.None);
            Assert.InRange(page.Copies.Count, 0, pageSize);
            copies.AddRange(page.Copies);
            continuation = page.Continuation;
        }
        while (continuation is not null);
        return copies;
    }
}
