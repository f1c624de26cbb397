using Remediation.Core.Mailboxes;
using Remediation.Core.Tests.Scanning;

namespace Remediation.Core.Tests.Hunting;

public class ForwardTests
{
    [Theory]
    [InlineData("FW: Action required")]
    [InlineData("Fwd: Action required")]
    [InlineData("WG: Ihr Konto")]
    [InlineData("TR : Votre colis")]
    [InlineData("RV: Su cuenta")]
    [InlineData("Doorst: Uw pakket")]
    [InlineData("RE: FW: Action required")]
    [InlineData("VB: Faktura")]
    [InlineData("İLT: Fatura")]
    [InlineData("ΠΡΘ: Λογαριασμός")]
    [InlineData("转发: 发票")]
    [InlineData("転送: 請求書")]
    [InlineData("전달: 청구서")]
    [InlineData("Továbbítás: Számla")]
    public void IsForward_ForwardPrefixInAClientsLanguage(string subject) =>
        Assert.True(MessageAuthorship.IsForward(TestMail.Parse($"From: a@contoso.example\r\nSubject: {subject}\r\n\r\nText\r\n")));

    [Theory]
    [InlineData("Action required: FW: inside")]
    [InlineData("Fwdxyz")]
    [InlineData("RE: Action required")]
    public void IsForward_OtherSubjects_No(string subject) =>
        Assert.False(MessageAuthorship.IsForward(TestMail.Parse($"From: a@contoso.example\r\nSubject: {subject}\r\n\r\nText\r\n")));

    [Fact]
    public void IsForward_OriginalAttachedWhole_Yes()
    {
        var mime = "From: a@contoso.example\r\nSubject: Look at this\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nIs this real?\r\n--b\r\nContent-Type: message/rfc822\r\n\r\nFrom: x@bad.example\r\nSubject: Verify\r\n\r\nhttps://bad.example\r\n--b--\r\n";

        Assert.True(MessageAuthorship.IsForward(TestMail.Parse(mime)));
    }

    [Theory]
    [InlineData("RE: Action required", "")]
    [InlineData("AW: Ihr Konto", "")]
    [InlineData("Action required", "In-Reply-To: <lure@bad.example>\r\n")]
    [InlineData("Action required", "References: <lure@bad.example>\r\n")]
    [InlineData("YNT: Fatura", "")]
    [InlineData("回复：发票", "")]
    // An inline forward in a client whose prefix is not known: its index is longer than a new conversation's 22 bytes.
    [InlineData("Faktura", "Thread-Index: AQHZO5GIxm8AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==\r\n")]
    public void IsReply_PrefixOrThreadHeaders(string subject, string headers) =>
        Assert.True(MessageAuthorship.IsReply(TestMail.Parse($"From: a@contoso.example\r\n{headers}Subject: {subject}\r\n\r\nText\r\n")));

    [Theory]
    [InlineData("")]
    [InlineData("Thread-Index: AdnAAAAAAAAAAAAAAAAAAAAAAAAAAA==\r\n")]
    [InlineData("Thread-Index: not base64 at all!\r\n")]
    public void IsReply_NewMessage_No(string headers) =>
        Assert.False(MessageAuthorship.IsReply(TestMail.Parse($"From: a@contoso.example\r\n{headers}Subject: Ready for review\r\n\r\nText\r\n")));
}
