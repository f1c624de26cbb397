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
