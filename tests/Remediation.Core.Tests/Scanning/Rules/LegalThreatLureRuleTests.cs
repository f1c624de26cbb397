using MimeKit;
using Remediation.Core.Scanning;
using Remediation.Core.Scanning.Rules;

namespace Remediation.Core.Tests.Scanning.Rules;

public class LegalThreatLureRuleTests
{
    private const string Link = "\n\nhttps://portal.case-files.example/view";

    private readonly LegalThreatLureRule _sut = new();

    public static TheoryData<string, string, string> Notices => new()
    {
        { "Notice 2291", "You have been summoned to appear. The court summons is attached to this notice.", "You have been summoned" },
        { "Case 2291", "Legal action will be taken against you.", "Legal action will be taken against you" },
        { "Intimação eletrônica", "Consulte o mandado no link abaixo.", "Intimacao" },
        { "Aviso", "Você foi citado em um processo. Audiência por videoconferência marcada.", "Voce foi citad" },
        { "Notificación judicial", "Debe comparecer ante el juzgado.", "Notificacion judicial" },
        { "Procès vous concernant", "Une plainte a été déposée contre vous.", "Proces vous concernant" },
        { "Vorladung", "Gegen Sie wurde Strafanzeige erstattet.", "Vorladung" },
        { "Dagvaarding", "U bent gedagvaard; zie het document.", "Dagvaarding" },
        { "Avviso", "Un procedimento penale è aperto a suo carico.", "procedimento penale e aperto a suo carico" },
        { "通知", "裁判所への出頭命令が出ています。", "出頭命令" },
    };

    [Theory]
    [MemberData(nameof(Notices))]
    public void Evaluate_NoticeWithALinkFromAnyoneButAGovernment_IsPhishing(string subject, string body, string words)
    {
        var hit = Assert.Single(_sut.Evaluate(Mail("\"Tribunal\" <notice@court-services.example>", subject, body + Link)));

        Assert.Equal(6, hit.Weight);
        Assert.Equal(ThreatCategory.Phishing, hit.Category);
        Assert.Equal($"Serves a court or police notice (\"{words}\") with a link or a file, from court-services.example: courts and police mail from a government's domain.", hit.Reason);
    }

    [Fact]
    public void Evaluate_NoticeWithAFileAndNoLink_Fires()
    {
        var body = new BodyBuilder { TextBody = "Veja a intimação em anexo." };
        body.Attachments.Add("intimacao.pdf", "%PDF-1.4"u8.ToArray());
        var mime = new MimeMessage { Subject = "Processo", Body = body.ToMessageBody() };
        mime.From.Add(MailboxAddress.Parse("forum@mail-justica.example"));
        mime.To.Add(MailboxAddress.Parse($"alice@{TestMail.Domain}"));

        Assert.Single(_sut.Evaluate(TestMail.Read(mime)));
    }

    // Courts and police that mail do so from their government's zone, or from a justice service's own domain.
    [Theory]
    [InlineData("naoresponda@tjsp.jus.br")]
    [InlineData("notices@uscourts.gov")]
    [InlineData("contact@interieur.gouv.fr")]
    [InlineData("poststelle@justiz.nrw.de")]
    [InlineData("info@rechtspraak.nl")]
    [InlineData("sede@mjusticia.gob.es")]
    [InlineData("no-reply@courts.go.jp")]
    public void Evaluate_NoticeFromAGovernmentDomain_DoesNotFire(string from)
    {
        Assert.Empty(_sut.Evaluate(Mail(from, "Intimação eletrônica", "Court summons: see the portal." + Link)));
    }

    // The news tells of cases; a notice serves one on the reader. And without a link or a file there is nothing to open.
    [Theory]
    [InlineData("Weekly digest", "A lawsuit was filed against the vendor last week; the court will hear it in May." + Link)]
    [InlineData("Boletim", "O tribunal julgou o processo da empresa ontem." + Link)]
    [InlineData("Court summons", "You have been summoned to appear. Call the clerk to confirm the date.")]
    public void Evaluate_CaseToldOrNothingToOpen_DoesNotFire(string subject, string body)
    {
        Assert.Empty(_sut.Evaluate(Mail("news@law-weekly.example", subject, body)));
    }

    private static ScannedMessage Mail(string from, string subject, string body) =>
        RuleMail.Headers($"From: {from}\r\nTo: alice@{TestMail.Domain}\r\nSubject: {subject}", body);
}
