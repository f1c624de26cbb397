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
    public void Judge_ArrivalTimeFarFromStore_IsForged()
    {
        var stamped = TransportStamps.Stamp(TestMail.Load("Provenance", "colleague-note.eml"), TestMail.TenantId, Arrival.AddDays(-30));

        var sut = TransportProvenance.Judge(stamped, TestMail.TenantId, Arrival);

        Assert.Equal(TransportPath.Forged, sut.Path);
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
}
