using Microsoft.Extensions.DependencyInjection;
using Remediation.Core.Telemetry;
using Remediation.IntegrationTests.Fixtures;
using Remediation.TenantSimulator;
using Remediation.Testing;

namespace Remediation.IntegrationTests.Compromise;

/// <summary>
/// The other face of a stolen account: phishing colleagues from inside, through the tenant's own transport. The
/// sender is flagged, the recipients' copies are remediated, and the sender's Sent Items copy stays as evidence. A
/// user forwarding the lure to the SOC, or answering it to warn the team, is not flagged.
/// </summary>
public sealed class InternalSenderTests : IAsyncLifetime
{
    private const string Domain = "contoso.example";
    private static readonly string[] Colleagues = ["ana", "ben", "cho"];
    private readonly RecordingTelemetry _telemetry = new();
    private LocalTenant _tenant = null!;

    public async Task InitializeAsync() => _tenant = await LocalTenant.StartAsync(new LocalTenantOptions
    {
        Mailboxes = [("eve", "Eve"), ("soc", "Security team"), .. Colleagues.Select(c => (c, c))],
        Settings = new Dictionary<string, string?> { ["Detection:BlockedUrlDomains:0"] = SampleMail.PhishingDomain },
        ConfigureServices = services => services.AddSingleton<IPipelineTelemetry>(_telemetry),
    });

    public async Task DisposeAsync() => await _tenant.DisposeAsync();

    [Fact]
    public async Task PhishSentFromInside_FlagsTheSenderRemediatesTheRecipientsAndKeepsTheSentCopy()
    {
        var tenant = _tenant.Simulator.Tenant;
        var eve = tenant.FindMailbox($"eve@{Domain}")!;

        var (sentCopy, delivered) = tenant.SendMail(eve.Id, SampleMail.Build(
            $"eve@{Domain}", Colleagues.Select(c => $"{c}@{Domain}"), "Action required: your mailbox will be suspended",
            $"Your mailbox has exceeded its quota. Verify your account within 24 hours or it will be suspended:\n\nhttps://login.{SampleMail.PhishingDomain}/owa/verify?session=1\n\nIT Service Desk"));

        await Eventually.AssertAsync(() => _tenant.NoneIn(delivered, "inbox") && Scanned(sentCopy.ImmutableId) && _tenant.WorkQueuesEmpty(),
            "the colleagues' copies remediated and the sent copy scanned");
        Assert.Equal("sentitems", _tenant.FolderOf(sentCopy));
        var flagged = Assert.Single(_telemetry.Events(PipelineEvents.MailboxCompromised));
        Assert.Equal((eve.Id, "SentInternally"), (flagged[PipelineEventProperties.MailboxId], flagged[PipelineEventProperties.Evidence]));
    }

    // A list of the team includes its sender: the search of every recipient's mailbox by Message-ID reaches the
    // sender's own mailbox, where the Sent Items copy carries that Message-ID too.
    [Fact]
    public async Task PhishSentFromInsideToATeamIncludingTheSender_RemediatesTheSendersInboxCopyAndKeepsTheSentCopy()
    {
        var tenant = _tenant.Simulator.Tenant;
        var eve = tenant.FindMailbox($"eve@{Domain}")!;

        var (sentCopy, delivered) = tenant.SendMail(eve.Id, SampleMail.Build(
            $"eve@{Domain}", [$"eve@{Domain}", .. Colleagues.Select(c => $"{c}@{Domain}")], "Action required: your mailbox will be suspended",
            $"Your mailbox has exceeded its quota. Verify your account within 24 hours or it will be suspended:\n\nhttps://login.{SampleMail.PhishingDomain}/owa/verify?session=2\n\nIT Service Desk"));

        Assert.Contains(delivered, copy => copy.MailboxId == eve.Id);
        await Eventually.AssertAsync(() => _tenant.NoneIn(delivered, "inbox") && Scanned(sentCopy.ImmutableId) && _tenant.WorkQueuesEmpty(),
            "every delivered copy remediated, the sender's too, and the sent copy scanned");
        await Eventually.AssertAsync(_tenant.WorkQueuesEmpty, "the pipeline settles");
        Assert.Equal("sentitems", _tenant.FolderOf(sentCopy));
    }

    // Outlook in Swedish or Chinese writes its own forward prefix; an inline forward names no message, but Outlook's
    // conversation index grows with every forward and reply, in any language.
    [Theory]
    [InlineData("FW: ", "")]
    [InlineData("VB: ", "")]
    [InlineData("转发: ", "")]
    [InlineData("", "AQHZO5GIxm8AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==")]
    public async Task LureForwardedToTheSocAndATeammate_DoesNotFlagTheUserWhoForwardedIt(string prefix, string threadIndex)
    {
        var tenant = _tenant.Simulator.Tenant;
        var forward = MimeKit.MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(SampleMail.ForwardToSoc(Domain, "ana", "soc"))));
        forward.Cc.Add(MimeKit.MailboxAddress.Parse($"ben@{Domain}"));
        forward.Subject = prefix + "Action required: your mailbox will be suspended";
        if (threadIndex.Length > 0) forward.Headers.Add("Thread-Index", threadIndex);

        var (_, delivered) = tenant.SendMail($"ana@{Domain}", forward.ToString());

        // Two colleagues' copies: enough evidence to flag a sender, were a forward evidence.
        Assert.Equal(2, delivered.Count);
        Assert.All(await BandsWhenScannedAsync(delivered), band => Assert.Equal("Malicious", band));
        Assert.Empty(_telemetry.Events(PipelineEvents.MailboxCompromised));
    }

    // A lure moved into an attached PDF, its link there too, is still a lure when a user forwards it to the SOC.
    [Fact]
    public async Task LureInAPdfForwardedToTheSocAndATeammate_DoesNotFlagTheUserWhoForwardedIt()
    {
        var forward = WithPdf(SampleMail.Build(
            $"ana@{Domain}", [$"soc@{Domain}", $"ben@{Domain}"], "FW: Mailbox quota exceeded",
            "Is this real? It came with a PDF.\n\n-------- Forwarded message --------\nFrom: IT Service Desk <it-support@mailbox-helpdesk.example>\nSubject: Mailbox quota exceeded\n\nSee the attached notice."),
            $"https://login.{SampleMail.PhishingDomain}/owa/verify?session=8813",
            "Your mailbox has exceeded its quota.", "Verify your account within 24 hours or it will be suspended.");

        var (_, delivered) = _tenant.Simulator.Tenant.SendMail($"ana@{Domain}", forward);

        // Two colleagues' copies, each malicious by the PDF's link: enough evidence to flag a sender, were a forward evidence.
        Assert.Equal(2, delivered.Count);
        Assert.All(await BandsWhenScannedAsync(delivered), band => Assert.Equal("Malicious", band));
        Assert.Empty(_telemetry.Events(PipelineEvents.MailboxCompromised));
    }

    // A user sending a supplier's invoice on to colleagues is ordinary mail, whatever the PDF says about payment.
    [Fact]
    public async Task SuppliersInvoicePdfSentOnToColleagues_StaysInTheInboxAndFlagsNoOne()
    {
        var invoice = WithPdf(SampleMail.Build(
            $"ana@{Domain}", Colleagues.Skip(1).Select(c => $"{c}@{Domain}"), "Northwind invoice for approval",
            "Hi both, the October invoice from Northwind is attached. Could you approve it by Friday?\n\nThanks, Ana"),
            "https://portal.northwind.example/invoices/NW-2231",
            "Northwind Traders - Invoice NW-2231", "Office supplies, October delivery: 1,240.00 EUR",
            "Please note that our bank details have changed. Payment within 30 days to our new account IBAN DE44 5001 0517 5407 3249 31.",
            "Questions about this invoice? Call our accounts team at +49 69 555 0143.");

        var (_, delivered) = _tenant.Simulator.Tenant.SendMail($"ana@{Domain}", invoice);

        Assert.Equal(2, delivered.Count);
        Assert.All(await BandsWhenScannedAsync(delivered), band => Assert.Equal("Clean", band));
        Assert.All(delivered, copy => Assert.Equal("inbox", _tenant.FolderOf(copy)));
        Assert.Empty(_telemetry.Events(PipelineEvents.MailboxCompromised));
    }

    [Fact]
    public async Task LureAnsweredToTheTeamQuotingIt_DoesNotFlagTheUserWhoAnswered()
    {
        var tenant = _tenant.Simulator.Tenant;
        var reply = MimeKit.MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(SampleMail.Build(
            $"ana@{Domain}", [$"ben@{Domain}", $"cho@{Domain}"], "RE: Action required: your mailbox will be suspended",
            $"Team, do not click this one, it is not from IT.\n\n> Verify your account within 24 hours or it will be suspended:\n> https://login.{SampleMail.PhishingDomain}/owa/verify?session=1"))));
        reply.InReplyTo = "lure-8812@mailbox-helpdesk.example";

        var (_, delivered) = tenant.SendMail($"ana@{Domain}", reply.ToString());

        Assert.Equal(2, delivered.Count);
        Assert.All(await BandsWhenScannedAsync(delivered), band => Assert.Equal("Malicious", band));
        Assert.Empty(_telemetry.Events(PipelineEvents.MailboxCompromised));
    }

    // The message with a one-page PDF attached: its lines in a standard font, as a printer driver writes them, and a
    // link over the page.
    private static string WithPdf(string message, string link, params string[] lines)
    {
        var mime = MimeKit.MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(message)));
        var content = "BT /F1 12 Tf 72 760 Td " + string.Concat(lines.Select(line => $"({line}) Tj 0 -16 Td ")) + "ET";
        var pdf = "%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n" +
            "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> /Annots [6 0 R] >>\nendobj\n" +
            $"4 0 obj << /Length {content.Length} >>\nstream\n{content}\nendstream\nendobj\n" +
            "5 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>\nendobj\n" +
            $"6 0 obj << /Type /Annot /Subtype /Link /Rect [72 700 300 720] /A << /S /URI /URI ({link}) >> >>\nendobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";
        var body = new MimeKit.BodyBuilder { TextBody = mime.TextBody };
        body.Attachments.Add("document.pdf", System.Text.Encoding.Latin1.GetBytes(pdf), new MimeKit.ContentType("application", "pdf"));
        mime.Body = body.ToMessageBody();
        return mime.ToString();
    }

    // Waits until every copy is scanned and the pipeline has settled, then gives each copy's band.
    private async Task<IEnumerable<string>> BandsWhenScannedAsync(IReadOnlyList<DeliveredMessage> delivered)
    {
        await Eventually.AssertAsync(() => delivered.All(copy => Scanned(copy.ImmutableId)) && _tenant.WorkQueuesEmpty(), "every copy scanned and the pipeline settled");
        return [.. delivered.Select(copy => _telemetry.Events(PipelineEvents.MessageScanned).Single(e => e[PipelineEventProperties.MessageId] == copy.ImmutableId)[PipelineEventProperties.Band])];
    }

    private bool Scanned(string messageId) => _telemetry.Events(PipelineEvents.MessageScanned).Any(e => e[PipelineEventProperties.MessageId] == messageId);
}
