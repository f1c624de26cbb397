using MimeKit;
using Remediation.Core.Scanning;

namespace Remediation.Core.Tests.Scanning;

public class MessageFingerprintTests
{
    [Fact]
    public void Of_CopiesWithOwnMessageIdRecipientAndNumbers_AreEqual()
    {
        var first = MessageFingerprint.Of(TestMail.Read(Lure("alice@contoso.example", "order 1182", "<1@x.example>")));
        var second = MessageFingerprint.Of(TestMail.Read(Lure("bob@contoso.example", "order 9921", "<2@y.example>")));

        Assert.Equal(first, second with { UrlHosts = first.UrlHosts, AttachmentSha256 = first.AttachmentSha256 });
        Assert.Equal(first.Id, second.Id);
        Assert.Equal(["pay.lure.example"], first.UrlHosts);
    }

    [Fact]
    public void Of_SameTextLinkingElsewhere_Differs()
    {
        var first = MessageFingerprint.Of(TestMail.Read(Lure("alice@contoso.example", "order 1", "<1@x.example>")));
        var other = MessageFingerprint.Of(TestMail.Read(Lure("alice@contoso.example", "order 1", "<1@x.example>", host: "pay.other.example")));

        Assert.Equal(first.BodyHash, other.BodyHash);
        Assert.NotEqual(first.Id, other.Id);
    }

    [Theory]
    [InlineData("Hello  World,\tsee\r\nyou", "hello world see you")]
    [InlineData("Order 1182: pay now!", "order pay now")]
    [InlineData("Write to alice@contoso.example or visit https://x.example/a and www.Example.com today", "write to or visit and today")]
    [InlineData("42 ... ##", "")]
    [InlineData("  leading and trailing  ", "leading and trailing")]
    [InlineData("Ärger über Öl", "ärger über öl")]
    [InlineData("one 123 two", "one two")]
    public void Normalise_KeepsTheWordsInOrderInLowerCaseWithoutNumbersAddressesLinksOrSigns(string text, string normalised)
    {
        Assert.Equal(normalised, MessageFingerprint.Normalise(text));
    }

    [Fact]
    public void Of_Hashes_AreSha256OfTheNormalisedTextAndSubject()
    {
        var fingerprint = MessageFingerprint.Of(TestMail.FromText("Your Parcel!", "Hello World"));

        Assert.Equal(Sha256("hello world"), fingerprint.BodyHash);
        Assert.Equal(Sha256("your parcel"), fingerprint.SubjectHash);
        Assert.Equal(10, fingerprint.TextLetters);
        Assert.Equal(Sha256($"{fingerprint.BodyHash}||")[..32], fingerprint.Id);
        Assert.Equal(Sha256($"{fingerprint.Id}|{fingerprint.SubjectHash}")[..32], fingerprint.CampaignId);
    }

    [Fact]
    public void Of_HostsAndAttachments_AreLowerCaseDistinctAndSortedInTheId()
    {
        var message = new MimeMessage { Subject = "Links", MessageId = "links.1@lure.example" };
        message.From.Add(MailboxAddress.Parse("post@lure.example"));
        var body = new BodyBuilder { TextBody = "See https://B.example/x and https://a.example/y and https://b.example/z" };
        body.Attachments.Add("one.txt", "same"u8.ToArray());
        body.Attachments.Add("two.txt", "same"u8.ToArray());
        message.Body = body.ToMessageBody();

        var fingerprint = MessageFingerprint.Of(TestMail.Read(message));

        Assert.Equal(["a.example", "b.example"], fingerprint.UrlHosts);
        Assert.Equal([Sha256("same")], fingerprint.AttachmentSha256);
        Assert.Equal(Sha256($"{fingerprint.BodyHash}|a.example,b.example|{Sha256("same")}||one.txt,two.txt")[..32], fingerprint.Id);
    }

    // Content rules weigh these too: a real message's copy that adds one of them must not share the real message's
    // fingerprint, or its verdict would reach every real copy.
    [Theory]
    [InlineData("<a href=\"file://198.51.100.5/share/x.rtf!a\"></a>")]
    [InlineData("Open file://198.51.100.5/share/x.rtf!a")]
    [InlineData("<a href=\"data:text/html;base64,PGgxPmhpPC9oMT4=\">Open</a>")]
    [InlineData("<a href=\"https://portal.fabrikam.example/q3\">www.paypal.com</a>")]
    [InlineData("<a href=\"mailto:desk@elsewhere.example\">Write to us</a>")]
    public void Of_ALinkBeyondTheWebOrTheHostItsTextShows_ChangesTheId(string addition)
    {
        const string Real = "<p>The quarterly figures are ready: <a href=\"https://portal.fabrikam.example/q3\">portal</a>.</p>";

        Assert.NotEqual(Html(Real).Id, Html(Real + addition).Id);
    }

    [Fact]
    public void Of_AFileRenamed_ChangesTheIdButNotItsNumbers()
    {
        MessageFingerprint With(string name)
        {
            var body = new BodyBuilder { TextBody = "The report is attached." };
            body.Attachments.Add(name, "report bytes"u8.ToArray());
            return MessageFingerprint.Of(TestMail.Read(new MimeMessage { Subject = "Report", Body = body.ToMessageBody() }));
        }

        Assert.NotEqual(With("report.pdf").Id, With("report.pdf.exe").Id);
        Assert.Equal(With("Invoice_4471.pdf").Id, With("Invoice_9012.pdf").Id);
    }

    private static MessageFingerprint Html(string html) =>
        MessageFingerprint.Of(TestMail.Read(new MimeMessage { Subject = "Figures", Body = new TextPart("html") { Text = html } }));

    [Theory]
    [InlineData(59, false)]
    [InlineData(60, true)]
    public void CanStandForCampaign_TextAlone_NeedsSixtyLetters(int letters, bool stands)
    {
        var fingerprint = MessageFingerprint.Of(TestMail.FromText("Hi", new string('a', letters)));

        Assert.Equal(stands, fingerprint.CanStandForCampaign);
    }

    [Fact]
    public void CanStandForCampaign_ShortTextWithALinkOrAnAttachment_Stands()
    {
        var bare = MessageFingerprint.Of(TestMail.FromText("Hi", "ok"));

        Assert.False(bare.CanStandForCampaign);
        Assert.True((bare with { UrlHosts = ["a.example"] }).CanStandForCampaign);
        Assert.True((bare with { AttachmentSha256 = [Sha256("x")] }).CanStandForCampaign);
    }

    [Fact]
    public void SingleMessageKey_IsTheFingerprintWithTheMessageIdOrElseTheStoreIds()
    {
        var fingerprint = MessageFingerprint.Of(TestMail.FromText("Hi", "ok"));

        var byMessageId = fingerprint.SingleMessageKey("<1@x.example>", "mailbox-1", "message-1");
        var byStoreIds = fingerprint.SingleMessageKey(null, "mailbox-1", "message-1");

        Assert.Equal("m" + Sha256($"{fingerprint.Id}|<1@x.example>")[..31], byMessageId);
        Assert.Equal("m" + Sha256($"{fingerprint.Id}|mailbox-1/message-1")[..31], byStoreIds);
        Assert.Equal(32, byMessageId.Length);
    }

    private static string Sha256(string text) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));

    private static MimeMessage Lure(string to, string order, string messageId, string host = "pay.lure.example")
    {
        var message = new MimeMessage
        {
            Subject = "Your parcel",
            MessageId = messageId,
            Body = new TextPart("plain") { Text = $"Your parcel ({order}) is held. Pay the fee at https://{host}/fee?u={to} today." },
        };
        message.From.Add(MailboxAddress.Parse("post@lure.example"));
        message.To.Add(MailboxAddress.Parse(to));
        return message;
    }
}
