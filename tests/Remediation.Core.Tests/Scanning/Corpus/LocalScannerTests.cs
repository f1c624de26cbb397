using System.Text;
using MimeKit;
using Remediation.Core.Scanning;
using Remediation.Core.Scanning.Corpus;
using Remediation.Core.Scanning.Provenance;
using Remediation.Core.Scanning.Rules;

namespace Remediation.Core.Tests.Scanning.Corpus;

public sealed class LocalScannerTests : IDisposable
{
    private const string Offer = """
        From: "Best Deals" <deals@cheap-offers.example>
        To: Alice Example <alice@contoso.example>
        Subject: LIMITED TIME: Make money fast from home!!!
        Date: Tue, 12 Nov 2024 09:15:00 +0000
        Message-ID: <20241112.81723.offer@cheap-offers.example>
        MIME-Version: 1.0
        Content-Type: text/plain; charset="utf-8"

        Dear friend,

        EARN $5000 A WEEK from home! This is a limited time offer, act now! Click here to order and claim your FREE bonus:
        http://cheap-offers.example/order

        To be removed from our mailing list, reply with REMOVE in the subject.

        """;

    private const string Lookalike = """
        From: "IT" <it@c0ntoso.example>
        To: Alice Example <alice@contoso.example>
        Subject: Password policy
        Date: Tue, 12 Nov 2024 09:15:00 +0000
        Message-ID: <a1b2c3d4e5@mail.partner.example>
        MIME-Version: 1.0
        Content-Type: text/plain; charset="utf-8"

        Hello,

        See you at the meeting on Thursday.

        """;

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Create_NoSettingsFile_HasTheDefaultLimits()
    {
        var sut = LocalScanner.Create(TestMail.TenantId, [TestMail.Domain]);

        Assert.Equal(new ScanLimits().MaxMessageBytes, sut.Limits.MaxMessageBytes);
        Assert.Equal(new ScanLimits().MaxParts, sut.Limits.MaxParts);
    }

    [Fact]
    public void Create_SettingsFile_ItsDetectionSectionApplies()
    {
        var settings = _folder.Write("settings.json", """{ "Detection": { "BlockedSenderDomains": [ "cheap-offers.example" ], "Limits": { "MaxParts": 7 } } }""");

        var sut = LocalScanner.Create(TestMail.TenantId, [TestMail.Domain], settings);

        Assert.Equal(7, sut.Limits.MaxParts);
        Assert.Contains(BlockedSenderDomainRule.Name, sut.Scan(Read(sut, Offer)).RuleNames);
    }

    [Fact]
    public void Create_NoSettingsFile_BlocksNoSender()
    {
        var sut = LocalScanner.Create(TestMail.TenantId, [TestMail.Domain]);

        Assert.DoesNotContain(BlockedSenderDomainRule.Name, sut.Scan(Read(sut, Offer)).RuleNames);
    }

    [Fact]
    public void Create_SettingsFileThatDoesNotExist_Throws()
    {
        Assert.Throws<FileNotFoundException>(() => LocalScanner.Create(TestMail.TenantId, [TestMail.Domain], Path.Combine(_folder.Path, "missing.json")));
    }

    [Fact]
    public void Scan_WithTheClassifier_SpamOfferHasItsHit()
    {
        var sut = LocalScanner.Create(TestMail.TenantId, [TestMail.Domain]);

        var verdict = sut.Scan(Read(sut, Offer));

        Assert.Contains(SpamClassifierRule.Name, verdict.RuleNames);
    }

    [Fact]
    public void Scan_WithoutTheClassifier_OnlyTheOtherRulesJudge()
    {
        var settings = _folder.Write("settings.json", """{ "Detection": { "BlockedSenderDomains": [ "cheap-offers.example" ] } }""");
        var sut = LocalScanner.Create(TestMail.TenantId, [TestMail.Domain], settings, withClassifier: false);

        var verdict = sut.Scan(Read(sut, Offer));

        Assert.DoesNotContain(SpamClassifierRule.Name, verdict.RuleNames);
        Assert.Contains(BlockedSenderDomainRule.Name, verdict.RuleNames);
    }

    [Fact]
    public void Scan_MessageStampedForTheTenant_CameThroughItsTransport()
    {
        var sut = LocalScanner.Create(TestMail.TenantId, [TestMail.Domain]);

        var verdict = sut.Scan(ScanInput.From(MimeLoader.Load(Stamped(TestMail.TenantId), false, sut.Limits)));

        Assert.Equal(TransportPath.Transported, verdict.Provenance.Path);
    }

    [Fact]
    public void Scan_MessageStampedForAnotherTenant_BypassedIt()
    {
        var sut = LocalScanner.Create("0f0f0f0f-1111-2222-3333-444444444444", [TestMail.Domain]);

        var verdict = sut.Scan(ScanInput.From(MimeLoader.Load(Stamped(TestMail.TenantId), false, sut.Limits)));

        Assert.Equal(TransportPath.Bypassed, verdict.Provenance.Path);
    }

    [Fact]
    public void Scan_NoTenant_ProvenanceIsNotJudged()
    {
        var sut = LocalScanner.Create(null, [TestMail.Domain]);

        var verdict = sut.Scan(ScanInput.From(MimeLoader.Load(Stamped(TestMail.TenantId), false, sut.Limits)));

        Assert.Equal(TransportPath.Unknown, verdict.Provenance.Path);
    }

    [Fact]
    public void Scan_SenderDomainOneEditFromAnAcceptedDomain_IsALookalike()
    {
        var sut = LocalScanner.Create(TestMail.TenantId, [TestMail.Domain]);

        Assert.Contains(LookalikeSenderDomainRule.Name, sut.Scan(Read(sut, Lookalike)).RuleNames);
    }

    [Fact]
    public void Scan_NoAcceptedDomains_NothingToImitate()
    {
        var sut = LocalScanner.Create(TestMail.TenantId, []);

        Assert.DoesNotContain(LookalikeSenderDomainRule.Name, sut.Scan(Read(sut, Lookalike)).RuleNames);
    }

    [Fact]
    public async Task ReadAsync_Message_IsParsedWhole()
    {
        var sut = LocalScanner.Create(TestMail.TenantId, [TestMail.Domain]);

        var input = await sut.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(Offer)), CancellationToken.None);

        Assert.Equal("LIMITED TIME: Make money fast from home!!!", input.Mime.Subject);
        Assert.Null(input.LimitExceeded);
    }

    [Fact]
    public async Task ReadAsync_MessageLargerThanTheSettingsAllow_IsCutAndSaysSo()
    {
        var settings = _folder.Write("settings.json", """{ "Detection": { "Limits": { "MaxMessageBytes": 200 } } }""");
        var sut = LocalScanner.Create(TestMail.TenantId, [TestMail.Domain], settings);

        var input = await sut.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(Offer)), CancellationToken.None);

        Assert.NotNull(input.LimitExceeded);
    }

    private static ScanInput Read(LocalScanner scanner, string mime) =>
        scanner.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(mime)), CancellationToken.None).GetAwaiter().GetResult();

    private static byte[] Stamped(string tenantId)
    {
        var stamped = TransportStamps.Stamp(MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(Lookalike))), tenantId, new DateTimeOffset(2024, 11, 12, 9, 15, 30, TimeSpan.Zero));
        using var bytes = new MemoryStream();
        stamped.WriteTo(bytes);
        return bytes.ToArray();
    }
}
