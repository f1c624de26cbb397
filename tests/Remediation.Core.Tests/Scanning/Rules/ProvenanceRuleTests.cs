using Remediation.Core.Scanning;
using Remediation.Core.Scanning.Rules;

namespace Remediation.Core.Tests.Scanning.Rules;

/// <summary>The provenance rules: neutral evidence, each too light to matter alone.</summary>
public class ProvenanceRuleTests
{
    private static readonly DateTimeOffset Arrival = new(2024, 11, 12, 9, 15, 30, TimeSpan.Zero);

    [Fact]
    public void TransportBypass_UnstampedMessage_FiresNeutral()
    {
        var hit = Assert.Single(new TransportBypassRule().Evaluate(TestMail.Read("Provenance", "colleague-note.eml")));

        Assert.Equal(ThreatCategory.Clean, hit.Category);
        Assert.True(hit.Weight < 5);
    }

    [Fact]
    public void TransportBypass_StampedMessage_DoesNotFire()
    {
        var stamped = TransportStamps.Stamp(TestMail.Load("Provenance", "colleague-note.eml"), TestMail.TenantId, Arrival);

        Assert.Empty(new TransportBypassRule().Evaluate(TestMail.Read(stamped, new ScanInput(stamped) { ReceivedAt = Arrival })));
    }

    [Fact]
    public void ForgedTransportStamp_ArrivalStampedAfterTheStoreFiledIt_Fires()
    {
        var stamped = TransportStamps.Stamp(TestMail.Load("Provenance", "colleague-note.eml"), TestMail.TenantId, Arrival.AddDays(3));

        var hit = Assert.Single(new ForgedTransportStampRule().Evaluate(TestMail.Read(stamped, new ScanInput(stamped) { ReceivedAt = Arrival })));

        Assert.Contains("min after the store", hit.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ForgedTransportStamp_ConsistentStamps_DoesNotFire()
    {
        var stamped = TransportStamps.Stamp(TestMail.Load("Provenance", "colleague-note.eml"), TestMail.TenantId, Arrival);

        Assert.Empty(new ForgedTransportStampRule().Evaluate(TestMail.Read(stamped, new ScanInput(stamped) { ReceivedAt = Arrival.AddMinutes(1) })));
    }

    [Fact]
    public void DraftOutsideDrafts_DraftInInbox_Fires()
    {
        var mime = TestMail.Load("Provenance", "colleague-note.eml");

        Assert.Single(new DraftOutsideDraftsRule().Evaluate(TestMail.Read(mime, new ScanInput(mime) { IsDraft = true, FolderName = "inbox" })));
    }

    [Fact]
    public void DraftOutsideDrafts_DraftInDrafts_DoesNotFire()
    {
        var mime = TestMail.Load("Provenance", "colleague-note.eml");

        Assert.Empty(new DraftOutsideDraftsRule().Evaluate(TestMail.Read(mime, new ScanInput(mime) { IsDraft = true, FolderName = "drafts" })));
    }

    [Fact]
    public void NoReceivedHops_MessageWithoutReceived_Fires()
    {
        Assert.Single(new NoReceivedHopsRule().Evaluate(TestMail.Read("Provenance", "colleague-note.eml")));
    }

    [Fact]
    public void NoReceivedHops_TransportedMessage_DoesNotFire()
    {
        var stamped = TransportStamps.Stamp(TestMail.Load("Provenance", "colleague-note.eml"), TestMail.TenantId, Arrival);

        Assert.Empty(new NoReceivedHopsRule().Evaluate(TestMail.Read(stamped)));
    }

    [Fact]
    public void TransportBypass_UnstampedMessage_GivesTheEvidence()
    {
        var message = TestMail.Read("Provenance", "colleague-note.eml");

        var hit = Assert.Single(new TransportBypassRule().Evaluate(message));

        Assert.Equal(2, hit.Weight);
        Assert.Equal($"Did not pass this tenant's transport: {message.Provenance.Evidence}.", hit.Reason);
    }

    [Fact]
    public void ForgedTransportStamp_ArrivalStampedAfterTheStoreFiledIt_GivesTheEvidence()
    {
        var stamped = TransportStamps.Stamp(TestMail.Load("Provenance", "colleague-note.eml"), TestMail.TenantId, Arrival.AddDays(3));
        var message = TestMail.Read(stamped, new ScanInput(stamped) { ReceivedAt = Arrival });

        var hit = Assert.Single(new ForgedTransportStampRule().Evaluate(message));

        Assert.Equal(2, hit.Weight);
        Assert.Equal(ThreatCategory.Clean, hit.Category);
        Assert.Equal($"Transport stamps look forged: {message.Provenance.Evidence}.", hit.Reason);
    }

    [Theory]
    [InlineData("inbox", "Flagged as a draft in inbox.")]
    [InlineData(null, "Flagged as a draft in a folder that is not Drafts.")]
    public void DraftOutsideDrafts_DraftElsewhere_SaysWhere(string? folder, string reason)
    {
        var mime = TestMail.Load("Provenance", "colleague-note.eml");

        var hit = Assert.Single(new DraftOutsideDraftsRule().Evaluate(TestMail.Read(mime, new ScanInput(mime) { IsDraft = true, FolderName = folder })));

        Assert.Equal(1, hit.Weight);
        Assert.Equal(ThreatCategory.Clean, hit.Category);
        Assert.Equal(reason, hit.Reason);
    }

    [Fact]
    public void DraftOutsideDrafts_ReceivedMessageInInbox_DoesNotFire()
    {
        var mime = TestMail.Load("Provenance", "colleague-note.eml");

        Assert.Empty(new DraftOutsideDraftsRule().Evaluate(TestMail.Read(mime, new ScanInput(mime) { IsDraft = false, FolderName = "inbox" })));
    }

    [Fact]
    public void NoReceivedHops_MessageWithoutReceived_WeighsLittle()
    {
        var hit = Assert.Single(new NoReceivedHopsRule().Evaluate(TestMail.Read("Provenance", "colleague-note.eml")));

        Assert.Equal(0.5, hit.Weight);
        Assert.Equal(ThreatCategory.Clean, hit.Category);
        Assert.Equal("No Received header: no mail server handled it.", hit.Reason);
    }

    [Fact]
    public void SpoofedSender_TransportFoundTheDomainSpoofed_FiresNeutralNamingTheResult()
    {
        var stamped = TransportStamps.Stamp(TestMail.Load("Provenance", "colleague-note.eml"), TestMail.TenantId, Arrival, senderCheckFailed: true);

        var hit = Assert.Single(new SpoofedSenderRule().Evaluate(TestMail.Read(stamped, new ScanInput(stamped) { ReceivedAt = Arrival })));

        Assert.Equal((2, ThreatCategory.Clean), (hit.Weight, hit.Category));
        Assert.Equal("This tenant's transport found the sender's domain (contoso.example) did not send it: compauth=fail reason=001.", hit.Reason);
    }

    [Theory]
    [InlineData("", "This tenant's transport found the sender's domain did not send it: compauth=fail reason=001.")]
    [InlineData("a@fabrikam.example, b@northwind.example", "This tenant's transport found the sender's domain (fabrikam.example, northwind.example) did not send it: compauth=fail reason=001.")]
    public void SpoofedSender_Reason_NamesEveryDomainOfTheFromHeader(string from, string reason)
    {
        var original = TestMail.Load("Provenance", "colleague-note.eml");
        original.From.Clear();
        if (from.Length > 0) original.From.AddRange(MimeKit.InternetAddressList.Parse(from));
        var stamped = TransportStamps.Stamp(original, TestMail.TenantId, Arrival, senderCheckFailed: true);

        var hit = Assert.Single(new SpoofedSenderRule().Evaluate(TestMail.Read(stamped, new ScanInput(stamped) { ReceivedAt = Arrival })));

        Assert.Equal(reason, hit.Reason);
    }

    [Fact]
    public void SpoofedSender_SenderAuthenticated_DoesNotFire()
    {
        var stamped = TransportStamps.Stamp(TestMail.Load("Provenance", "colleague-note.eml"), TestMail.TenantId, Arrival, authenticatedDomain: "contoso.example");

        Assert.Empty(new SpoofedSenderRule().Evaluate(TestMail.Read(stamped, new ScanInput(stamped) { ReceivedAt = Arrival })));
    }

    // On mail that never passed this tenant's transport the failing results are its author's words, as passing ones would be.
    [Fact]
    public void SpoofedSender_AppendedWithFailingResults_DoesNotFire()
    {
        var stamped = TransportStamps.Stamp(TestMail.Load("Provenance", "colleague-note.eml"), "0f0f0f0f-1111-2222-3333-444444444444", Arrival, senderCheckFailed: true);

        Assert.Empty(new SpoofedSenderRule().Evaluate(TestMail.Read(stamped, new ScanInput(stamped) { ReceivedAt = Arrival })));
    }
}
