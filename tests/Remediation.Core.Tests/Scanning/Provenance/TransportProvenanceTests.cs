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

        Assert.Equal((TransportPath.Transported, "it carries this tenant's transport stamps"), (sut.Path, sut.Evidence));
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

        Assert.Equal((TransportPath.Unknown, "no tenant id is configured"), (sut.Path, sut.Evidence));
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
        var loaded = await MimeLoader.LoadAsync(raw, new ScanLimits(), CancellationToken.None);

        var sut = TransportProvenance.Judge(loaded.Mime, TestMail.TenantId, Arrival, headersCut: loaded.HeadersCut);

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

        Assert.Equal((TransportPath.Forged, "its two network message ids disagree"), (sut.Path, sut.Evidence));
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

        Assert.Equal((TransportPath.Transported, "it carries this tenant's transport stamps for a sender signed in to the tenant"), (sut.Path, sut.Evidence));
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

    [Fact]
    public void Judge_StampWithoutAReadableArrivalTime_IsForged()
    {
        var stamped = TransportStamps.Stamp(TestMail.Load("Provenance", "colleague-note.eml"), TestMail.TenantId, Arrival);
        stamped.Headers["X-MS-Exchange-CrossTenant-OriginalArrivalTime"] = "yesterday, around noon";

        var sut = TransportProvenance.Judge(stamped, TestMail.TenantId, Arrival);

        Assert.Equal((TransportPath.Forged, "its stamp has no readable original arrival time"), (sut.Path, sut.Evidence));
    }

    [Fact]
    public void Judge_SenderPlantedAFutureArrivalTimeBeforeTransport_IsTransported()
    {
        // The sender's planted stamp is later than the store's time; transport's own is not, and one consistent stamp suffices.
        var original = TestMail.Load("Provenance", "colleague-note.eml");
        original.Headers.Add("X-MS-Exchange-CrossTenant-OriginalArrivalTime", "01 Jan 2031 00:00:00.0000 (UTC)");
        var stamped = TransportStamps.Stamp(original, TestMail.TenantId, Arrival);

        Assert.Equal(TransportPath.Transported, TransportProvenance.Judge(stamped, TestMail.TenantId, Arrival).Path);
    }

    [Theory]
    [InlineData(15 * 60, TransportPath.Transported)]
    [InlineData(15 * 60 + 1, TransportPath.Forged)]
    public void Judge_ArrivalStampedAfterTheStoresTime_IsToleratedForFifteenMinutesOfClockSkew(int secondsLater, TransportPath expected)
    {
        var stamped = TransportStamps.Stamp(TestMail.Load("Provenance", "colleague-note.eml"), TestMail.TenantId, Arrival.AddSeconds(secondsLater));

        Assert.Equal(expected, TransportProvenance.Judge(stamped, TestMail.TenantId, Arrival).Path);
    }

    [Fact]
    public void Judge_SeveralArrivalsAllAfterTheStoresTime_NamesTheEarliest()
    {
        var original = TestMail.Load("Provenance", "colleague-note.eml");
        original.Headers.Add("X-MS-Exchange-CrossTenant-OriginalArrivalTime", Arrival.AddHours(5).UtcDateTime.ToString("dd MMM yyyy HH:mm:ss.ffff '(UTC)'", System.Globalization.CultureInfo.InvariantCulture));
        var stamped = TransportStamps.Stamp(original, TestMail.TenantId, Arrival.AddHours(1));

        var sut = TransportProvenance.Judge(stamped, TestMail.TenantId, Arrival);

        Assert.Equal((TransportPath.Forged, "its stamped arrival 2024-11-12 10:15:30Z is 60 min after the store's 2024-11-12 09:15:30Z"), (sut.Path, sut.Evidence));
    }

    [Theory]
    [InlineData("X-MS-Exchange-Organization-Network-Message-Id")]
    [InlineData("X-MS-Exchange-CrossTenant-Network-Message-Id")]
    public void Judge_OnlyOneKindOfNetworkId_HasNothingToDisagreeWith(string missing)
    {
        var stamped = TransportStamps.Stamp(TestMail.Load("Provenance", "colleague-note.eml"), TestMail.TenantId, Arrival);
        stamped.Headers.RemoveAll(missing);

        Assert.Equal(TransportPath.Transported, TransportProvenance.Judge(stamped, TestMail.TenantId, Arrival).Path);
    }

    [Fact]
    public void Judge_HopThroughOneOfSeveralConfiguredExchangeDomains_IsTransported()
    {
        var stamped = TransportStamps.Stamp(TestMail.Load("Provenance", "colleague-note.eml"), TestMail.TenantId, Arrival);

        var sut = TransportProvenance.Judge(stamped, TestMail.TenantId, Arrival, ["outlook.com", "partner.outlook.cn"]);

        Assert.Equal(TransportPath.Transported, sut.Path);
    }

    [Fact]
    public void Judge_StampWithoutAnyAuthAs_IsNotSentInternally()
    {
        var stamped = TransportStamps.Stamp(TestMail.Load("Provenance", "colleague-note.eml"), TestMail.TenantId, Arrival, authAs: "Internal");
        stamped.Headers.RemoveAll("X-MS-Exchange-Organization-AuthAs");
        stamped.Headers.RemoveAll("X-MS-Exchange-CrossTenant-AuthAs");

        var sut = TransportProvenance.Judge(stamped, TestMail.TenantId, Arrival);

        Assert.Equal(TransportPath.Transported, sut.Path);
        Assert.False(sut.SentInternally);
    }

    [Fact]
    public void Judge_SenderDomainAuthenticatedByTransport_SenderPassedAndProven()
    {
        var stamped = TransportStamps.Stamp(TestMail.Load("Provenance", "colleague-note.eml"), TestMail.TenantId, Arrival, authenticatedDomain: "contoso.example");

        var sut = TransportProvenance.Judge(stamped, TestMail.TenantId, Arrival);

        Assert.Equal((SenderAuthentication.Passed, "compauth=pass reason=100", true, false), (sut.Sender, sut.SenderEvidence, sut.SenderProven, sut.SenderUnproven));
    }

    [Fact]
    public void Judge_TransportFoundTheSenderSpoofed_SenderFailedAndUnproven()
    {
        var stamped = TransportStamps.Stamp(TestMail.Load("Provenance", "colleague-note.eml"), TestMail.TenantId, Arrival, senderCheckFailed: true);

        var sut = TransportProvenance.Judge(stamped, TestMail.TenantId, Arrival);

        Assert.Equal((TransportPath.Transported, SenderAuthentication.Failed, "compauth=fail reason=001"), (sut.Path, sut.Sender, sut.SenderEvidence));
        Assert.Equal((false, true), (sut.SenderProven, sut.SenderUnproven));
    }

    // A sender writes whatever headers it likes, a passing Authentication-Results among them; transport writes its own
    // above every hop the message took before it.
    [Fact]
    public void Judge_SenderWrotePassingResultsOfItsOwn_TransportsVerdictCounts()
    {
        var original = TestMail.Load("Provenance", "colleague-note.eml");
        original.Headers.Insert(0, new MimeKit.Header("Authentication-Results", "mx.example; spf=pass; dkim=pass; dmarc=pass; compauth=pass reason=100"));
        original.Headers.Insert(0, new MimeKit.Header("Received", "from x by relay.prod.outlook.com; Tue, 12 Nov 2024 09:15:00 +0000"));
        var stamped = TransportStamps.Stamp(original, TestMail.TenantId, Arrival, senderCheckFailed: true);

        var sut = TransportProvenance.Judge(stamped, TestMail.TenantId, Arrival);

        Assert.Equal(SenderAuthentication.Failed, sut.Sender);
    }

    [Fact]
    public void Judge_OnlyTheSendersOwnResultsBelowTransport_SenderUnknown()
    {
        var original = TestMail.Load("Provenance", "colleague-note.eml");
        original.Headers.Insert(0, new MimeKit.Header("Authentication-Results", "spf=pass; dmarc=pass; compauth=pass reason=100"));
        var stamped = TransportStamps.Stamp(original, TestMail.TenantId, Arrival, senderCheckFailed: true);
        stamped.Headers.Remove(stamped.Headers.First(h => h.Value.Contains("compauth=fail", StringComparison.Ordinal)));

        var sut = TransportProvenance.Judge(stamped, TestMail.TenantId, Arrival);

        Assert.Equal((TransportPath.Transported, SenderAuthentication.Unknown, false), (sut.Path, sut.Sender, sut.SenderProven));
        Assert.Equal("this tenant's transport wrote no Authentication-Results", sut.SenderEvidence);
    }

    // Transport's results on top of the header block, with its hops below them: still transport's.
    [Fact]
    public void Judge_TransportsResultsAreTheFirstHeader_TheyCount()
    {
        var stamped = TransportStamps.Stamp(TestMail.Load("Provenance", "colleague-note.eml"), TestMail.TenantId, Arrival, senderCheckFailed: true);
        stamped.Headers.RemoveAt(0);

        var sut = TransportProvenance.Judge(stamped, TestMail.TenantId, Arrival);

        Assert.Equal(("Authentication-Results", SenderAuthentication.Failed), (stamped.Headers[0].Field, sut.Sender));
    }

    [Fact]
    public void Judge_AppendedWithPassingResults_SenderUnknownAndUnproven()
    {
        var original = TestMail.Load("Provenance", "colleague-note.eml");
        original.Headers.Insert(0, new MimeKit.Header("Authentication-Results", "spf=pass; dmarc=pass; compauth=pass reason=100"));
        original.Headers.Insert(0, new MimeKit.Header("Received", "from x by relay.prod.outlook.com; Tue, 12 Nov 2024 09:15:00 +0000"));

        var sut = TransportProvenance.Judge(original, TestMail.TenantId, Arrival);

        Assert.Equal((TransportPath.Bypassed, SenderAuthentication.Unknown, "", true), (sut.Path, sut.Sender, sut.SenderEvidence, sut.SenderUnproven));
    }

    [Theory]
    [InlineData("spf=fail smtp.mailfrom=contoso.example; dkim=none; dmarc=fail action=none header.from=contoso.example", SenderAuthentication.Failed, "dmarc=fail")]
    [InlineData("spf=pass smtp.mailfrom=contoso.example; dkim=pass; dmarc=pass action=none header.from=contoso.example", SenderAuthentication.Passed, "dmarc=pass")]
    [InlineData("spf=none; dkim=none; dmarc=none action=none; compauth=softpass reason=201", SenderAuthentication.Unknown, "compauth=softpass reason=201")]
    [InlineData("spf=fail; dkim=none; dmarc=fail action=none; compauth=none reason=405", SenderAuthentication.Unknown, "compauth=none reason=405")]
    [InlineData("spf=temperror (DNS Timeout) smtp.mailfrom=contoso.example", SenderAuthentication.Unknown, "this tenant's transport gave no composite authentication or DMARC result")]
    public void Judge_TransportsResults_CompositeAuthenticationFirstThenDmarc(string results, SenderAuthentication expected, string evidence)
    {
        var stamped = TransportStamps.Stamp(TestMail.Load("Provenance", "colleague-note.eml"), TestMail.TenantId, Arrival);
        stamped.Headers["Authentication-Results"] = results;

        var sut = TransportProvenance.Judge(stamped, TestMail.TenantId, Arrival);

        Assert.Equal((expected, evidence), (sut.Sender, sut.SenderEvidence));
    }

    [Fact]
    public void Judge_SignedInSender_SenderPassed()
    {
        var stamped = TransportStamps.Stamp(TestMail.Load("Provenance", "colleague-note.eml"), TestMail.TenantId, Arrival, senderCheckFailed: true, authAs: "Internal");

        var sut = TransportProvenance.Judge(stamped, TestMail.TenantId, Arrival);

        Assert.Equal((SenderAuthentication.Passed, "sent by an account signed in to this tenant", true), (sut.Sender, sut.SenderEvidence, sut.SenderProven));
    }

    // Behind another gateway without Enhanced Filtering for Connectors, transport checks the gateway, not the sender.
    [Fact]
    public void Judge_TenantSaysTransportDoesNotCheckSenders_SenderUnknownWhateverTheResults()
    {
        var stamped = TransportStamps.Stamp(TestMail.Load("Provenance", "colleague-note.eml"), TestMail.TenantId, Arrival, authenticatedDomain: "contoso.example");

        var sut = TransportProvenance.Judge(stamped, TestMail.TenantId, Arrival, checksSenders: false);

        Assert.Equal((TransportPath.Transported, SenderAuthentication.Unknown, false), (sut.Path, sut.Sender, sut.SenderProven));
        Assert.Contains("Tenant:TransportChecksSenders is off", sut.SenderEvidence, StringComparison.Ordinal);
    }
}
