using Remediation.Core.Scanning;
using Remediation.Core.Scanning.Provenance;

namespace Remediation.Core.Tests.Scanning.Provenance;

public class TransportProvenanceTests
{
    private static readonly DateTimeOffset Arrival = new(2024, 11, 12, 9, 15, 30, TimeSpan.Zero);

    [Fact]
    public void Judge_StampedForThisTenant_IsTransported()
    {
        var stamped = TransportStamps.Stamp(TestMail.Load("Provenance", "colleague-note.eml"), TestMail.TenantId, Arrival);

        var sut = TransportProvenance.Judge(stamped, TestMail.TenantId, Arrival.AddSeconds(2));

        Assert.Equal(TransportPath.Transported, sut.Path);
    }

    [Fact]
    public void Judge_NoStamps_IsBypassed()
    {
        var sut = TransportProvenance.Judge(TestMail.Load("Provenance", "colleague-note.eml"), TestMail.TenantId, Arrival);

        Assert.Equal(TransportPath.Bypassed, sut.Path);
        Assert.Contains("no stamp", sut.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_StampOfAnotherTenant_IsBypassed()
    {
        var stamped = TransportStamps.Stamp(TestMail.Load("Provenance", "colleague-note.eml"), "0f0f0f0f-1111-2222-3333-444444444444", Arrival);

        var sut = TransportProvenance.Judge(stamped, TestMail.TenantId, Arrival);

        Assert.Equal(TransportPath.Bypassed, sut.Path);
        Assert.Contains("another tenant", sut.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_StampsOfSeveralTenantsNoneOfThem_IsBypassed()
    {
        // A message that crossed other tenants' transport and was then placed here: their stamps, never ours.
        var stamped = TransportStamps.Stamp(TestMail.Load("Provenance", "colleague-note.eml"), "0f0f0f0f-1111-2222-3333-444444444444", Arrival);
        stamped = TransportStamps.Stamp(stamped, "0e0e0e0e-5555-6666-7777-888888888888", Arrival);

        var sut = TransportProvenance.Judge(stamped, TestMail.TenantId, Arrival);

        Assert.Equal(TransportPath.Bypassed, sut.Path);
        Assert.Contains("another tenant (0f0f0f0f-1111-2222-3333-444444444444)", sut.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_ArrivalStampedAfterTheStoreFiledIt_IsForged()
    {
        var stamped = TransportStamps.Stamp(TestMail.Load("Provenance", "colleague-note.eml"), TestMail.TenantId, Arrival.AddDays(30));

        var sut = TransportProvenance.Judge(stamped, TestMail.TenantId, Arrival);

        Assert.Equal(TransportPath.Forged, sut.Path);
    }

    [Fact]
    public void Judge_ReleasedFromQuarantineDaysAfterItsArrivalStamp_IsTransported()
    {
        var stamped = TransportStamps.Stamp(TestMail.Load("Provenance", "colleague-note.eml"), TestMail.TenantId, Arrival.AddDays(-3));

        var sut = TransportProvenance.Judge(stamped, TestMail.TenantId, Arrival);

        Assert.Equal(TransportPath.Transported, sut.Path);
    }

    [Fact]
    public void Judge_TenantStampWithoutExchangeHops_IsForged()
    {
        var stamped = TransportStamps.Stamp(TestMail.Load("Provenance", "colleague-note.eml"), TestMail.TenantId, Arrival);
        stamped.Headers.RemoveAll(MimeKit.HeaderId.Received);

        var sut = TransportProvenance.Judge(stamped, TestMail.TenantId, Arrival);

        Assert.Equal(TransportPath.Forged, sut.Path);
    }

    [Fact]
    public void Judge_NoTenantConfigured_IsUnknown()
    {
        var sut = TransportProvenance.Judge(TestMail.Load("Provenance", "colleague-note.eml"), "", Arrival);

        Assert.Equal(TransportPath.Unknown, sut.Path);
    }

    [Fact]
    public async Task Judge_SenderPaddedTheHeadersPastTheBudget_IsUnknownNotBypassed()
    {
        var original = TestMail.Load("Provenance", "colleague-note.eml");
        for (var i = 0; i < 2_600; i++) original.Headers.Add($"X-Trace-{i:D4}", new string('a', 90));
        var stamped = TransportStamps.Stamp(original, TestMail.TenantId, Arrival);
        using var raw = new MemoryStream();
        await stamped.WriteToAsync(raw);
        raw.Position = 0;
        var loaded = await BoundedMimeLoader.LoadAsync(raw, new ScanLimits(), CancellationToken.None);

        var sut = TransportProvenance.Judge(loaded, TestMail.TenantId, Arrival);

        Assert.Equal(TransportPath.Unknown, sut.Path);
    }

    [Fact]
    public void Judge_SenderPlantedAnotherTenantsStampBeforeTransport_IsTransported()
    {
        var original = TestMail.Load("Provenance", "colleague-note.eml");
        original.Headers.Add("X-MS-Exchange-CrossTenant-Id", "0f0f0f0f-1111-2222-3333-444444444444");
        var stamped = TransportStamps.Stamp(original, TestMail.TenantId, Arrival);

        var sut = TransportProvenance.Judge(stamped, TestMail.TenantId, Arrival);

        Assert.Equal(TransportPath.Transported, sut.Path);
    }

    [Fact]
    public void Judge_SenderPlantedAStaleArrivalTimeAndNetworkIdBeforeTransport_IsTransported()
    {
        var original = TestMail.Load("Provenance", "colleague-note.eml");
        original.Headers.Add("X-MS-Exchange-CrossTenant-OriginalArrivalTime", "01 Jan 2020 00:00:00.0000 (UTC)");
        original.Headers.Add("X-MS-Exchange-CrossTenant-Network-Message-Id", Guid.NewGuid().ToString());
        var stamped = TransportStamps.Stamp(original, TestMail.TenantId, Arrival);

        var sut = TransportProvenance.Judge(stamped, TestMail.TenantId, Arrival);

        Assert.Equal(TransportPath.Transported, sut.Path);
    }

    [Fact]
    public void Judge_NetworkIdsThatNeverAgree_IsForged()
    {
        var stamped = TransportStamps.Stamp(TestMail.Load("Provenance", "colleague-note.eml"), TestMail.TenantId, Arrival);
        stamped.Headers["X-MS-Exchange-CrossTenant-Network-Message-Id"] = Guid.NewGuid().ToString();

        var sut = TransportProvenance.Judge(stamped, TestMail.TenantId, Arrival);

        Assert.Equal(TransportPath.Forged, sut.Path);
    }

    [Fact]
    public void Judge_SovereignCloudHopsWithItsDomainConfigured_IsTransported()
    {
        var stamped = TransportStamps.Stamp(TestMail.Load("Provenance", "colleague-note.eml"), TestMail.TenantId, Arrival, "partner.outlook.cn");

        var sut = TransportProvenance.Judge(stamped, TestMail.TenantId, Arrival, ["partner.outlook.cn"]);

        Assert.Equal(TransportPath.Transported, sut.Path);
    }

    [Fact]
    public void Judge_SovereignCloudHopsWithoutTheSetting_HaveNoExchangeOnlineHop()
    {
        var stamped = TransportStamps.Stamp(TestMail.Load("Provenance", "colleague-note.eml"), TestMail.TenantId, Arrival, "partner.outlook.cn");

        var sut = TransportProvenance.Judge(stamped, TestMail.TenantId, Arrival);

        Assert.Equal(TransportPath.Forged, sut.Path);
        Assert.Contains("no Received hop", sut.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_StampedForASignedInSender_IsTransportedAndSentInternally()
    {
        var stamped = TransportStamps.Stamp(TestMail.Load("Provenance", "colleague-note.eml"), TestMail.TenantId, Arrival, authAs: "Internal");

        var sut = TransportProvenance.Judge(stamped, TestMail.TenantId, Arrival.AddSeconds(2));

        Assert.Equal(TransportPath.Transported, sut.Path);
        Assert.True(sut.SentInternally);
    }

    [Fact]
    public void Judge_AnonymousSender_IsNotSentInternally()
    {
        var stamped = TransportStamps.Stamp(TestMail.Load("Provenance", "colleague-note.eml"), TestMail.TenantId, Arrival);

        Assert.False(TransportProvenance.Judge(stamped, TestMail.TenantId, Arrival.AddSeconds(2)).SentInternally);
    }

    [Fact]
    public void Judge_OutsiderWritesAnInternalStampBeforeTransport_IsNotSentInternally()
    {
        var original = TestMail.Load("Provenance", "colleague-note.eml");
        original.Headers.Add("X-MS-Exchange-Organization-AuthAs", "Internal");
        original.Headers.Add("X-MS-Exchange-CrossTenant-AuthAs", "Internal");
        var stamped = TransportStamps.Stamp(original, TestMail.TenantId, Arrival);

        var sut = TransportProvenance.Judge(stamped, TestMail.TenantId, Arrival.AddSeconds(2));

        Assert.Equal(TransportPath.Transported, sut.Path);
        Assert.False(sut.SentInternally);
    }
}
