using MimeKit;
using Remediation.Core.Scanning;
using Remediation.Core.Scanning.Classification;

namespace Remediation.Core.Tests.Scanning.Classification;

public class SenderFeaturesTests
{
    [Fact]
    public void Add_GeneratedSender_MarksItsHabits()
    {
        var message = AsCorpus(TestMail.Parse("""
            Return-Path: <bounce@mailer.example>
            From: "BEST DEALS" <yhdiana99b@yahoo.com>
            To: undisclosed-recipients:;
            Subject: hi
            Message-ID: <mn6z35o.umk9tlzwt@geocities.example>
            Date: 2002/09/14 Sat 13:06:03 GMT

            text
            """));

        var sut = Features.Of(v => SenderFeatures.Add(message, v));

        Assert.True(sut.Has('x', "from-local-digits"));
        Assert.True(sut.Has('x', "from-local:a9a"));
        Assert.True(sut.Has('x', "from-name-capitals"));
        Assert.True(sut.Has('x', "from-freemail"));
        Assert.True(sut.Has('x', "return-path-other"));
        Assert.True(sut.Has('x', "message-id-other"));
        Assert.True(sut.Has('x', "to-undisclosed"));
        Assert.True(sut.Has('x', "date:9/9/9 Aa 9:9:9 A"));
    }

    [Fact]
    public void Add_OrdinaryMailClient_IsConsistent()
    {
        var message = AsCorpus(TestMail.Parse("""
            Return-Path: <ned@qu.example>
            From: Ned Lovely <ned@qu.example>
            To: Friends <fork@lists.example>
            Subject: Re: The Big Jump
            Message-ID: <20020910004617.GB1045@ibu.qu.example>
            Date: Mon, 9 Sep 2002 20:46:17 -0400
            In-Reply-To: <002201c2582a$e84211f0$0200a8c0@example>
            User-Agent: Mutt/1.3.25i

            text
            """));

        var sut = Features.Of(v => SenderFeatures.Add(message, v));

        Assert.True(sut.Has('x', "return-path-same"));
        Assert.True(sut.Has('x', "message-id-sender"));
        Assert.True(sut.Has('x', "In-Reply-To"));
        Assert.True(sut.Has('m', "mutt"));
        Assert.False(sut.Has('x', "from-local-digits"));
        Assert.False(sut.Has('x', "from-freemail"));
    }

    [Fact]
    public void Add_NoFrom_SaysSo()
    {
        var sut = Of("To: alice@contoso.example");

        Assert.True(sut.Has('x', "from-none"));
        Assert.False(sut.Has('x', "from-name-none"));
    }

    [Theory]
    [InlineData("X-Priority: 3")]
    [InlineData("X-MSMail-Priority: Normal")]
    [InlineData("X-MimeOLE: Produced By Microsoft MimeOLE V6.00")]
    [InlineData("Importance: high")]
    [InlineData("Reply-To: b@qu.example")]
    [InlineData("Cc: c@qu.example")]
    [InlineData("In-Reply-To: <1@qu.example>")]
    [InlineData("References: <1@qu.example>")]
    [InlineData("Organization: Qu")]
    [InlineData("User-Agent: Mutt/1.3.25i")]
    [InlineData("MIME-Version: 1.0")]
    [InlineData("X-Originating-IP: [192.0.2.1]")]
    [InlineData("Disposition-Notification-To: ned@qu.example")]
    [InlineData("Thread-Index: AcJYKuhCEfA=")]
    [InlineData("X-Accept-Language: en")]
    [InlineData("X-Sender: ned@qu.example")]
    [InlineData("Sender: list@qu.example")]
    public void Add_HeaderTheSendersSoftwareWrites_IsMarkedByName(string header)
    {
        var name = header[..header.IndexOf(':')];

        var with = Of("From: ned@qu.example\n" + header);
        var without = Of("From: ned@qu.example");

        Assert.True(with.Has('x', name));
        Assert.False(without.Has('x', name));
    }

    [Theory]
    [InlineData("Content-Transfer-Encoding", "7bit")]
    [InlineData("Content-Disposition", "inline")]
    [InlineData("Content-Class", "urn:content-classes:message")]
    public void Add_ContentHeaderAmongTheMessageHeaders_IsMarkedByName(string name, string value)
    {
        // A parser files Content-* headers with the body; a message built header by header can keep them at the top.
        var mime = new MimeMessage { MessageId = "1@qu.example", Date = new DateTimeOffset(2002, 9, 1, 12, 0, 0, TimeSpan.Zero) };
        mime.From.Add(MailboxAddress.Parse("ned@qu.example"));
        mime.Headers.Add(name, value);
        var message = TestMail.Read(mime);

        var sut = Features.Of(v => SenderFeatures.Add(message, v));

        Assert.True(sut.Has('x', name));
    }

    [Fact]
    public void Add_HeaderAddedOnTheWay_IsLeftOut()
    {
        var sut = Of("From: ned@qu.example\nList-Id: <fork.lists.example>");

        Assert.False(sut.Has('x', "List-Id"));
    }

    [Fact]
    public void Add_Mailer_IsReadAsWordsPreferringXMailer()
    {
        var sut = Of("From: ned@qu.example\nX-Mailer: Microsoft Outlook Express 6.00\nUser-Agent: Mutt/1.3.25i");

        Assert.True(sut.Has('m', "outlook"));
        Assert.True(sut.Has('m', "express"));
        Assert.False(sut.Has('m', "mutt"));
        Assert.False(sut.Has('m', "none"));
    }

    [Fact]
    public void Add_NoMailer_IsMailerNone() => Assert.True(Of("From: ned@qu.example").Has('m', "none"));

    [Theory]
    [InlineData("Date: Mon, 9 Sep 2002 20:46:17 -0400", "date:Aa, 9 Aa 9 9:9:9 -9")]
    [InlineData("Date:    9 Sep 2002   ", "date:9 Aa 9")]
    public void Add_Date_IsMarkedByItsShape(string header, string feature)
    {
        var sut = Of("From: ned@qu.example\n" + header);

        Assert.True(sut.Has('x', feature));
        Assert.False(sut.Has('x', "date-none"));
    }

    [Fact]
    public void Add_NoDate_SaysSo() => Assert.True(Of("From: ned@qu.example").Has('x', "date-none"));

    [Fact]
    public void Add_From_MarksItsNameDomainAndAddressForm()
    {
        var sut = Of("From: Ned Lovely <ned.lovely@Mail.Qu.EXAMPLE>");

        Assert.True(sut.Has('n', "ned"));
        Assert.True(sut.Has('n', "lovely"));
        Assert.True(sut.Has('d', "mail"));
        Assert.True(sut.Has('d', "qu"));
        Assert.True(sut.Has('x', "from-local:a.a"));
        Assert.True(sut.Has('x', "from-local-length:4"));
        Assert.True(sut.Has('x', "from-tld:example"));
        Assert.False(sut.Has('x', "from-local-digits"));
        Assert.False(sut.Has('x', "from-freemail"));
        Assert.False(sut.Has('x', "from-name-none"));
        Assert.False(sut.Has('x', "from-name-address"));
        Assert.False(sut.Has('x', "from-name-capitals"));
        Assert.False(sut.Has('x', "from-name-local"));
        Assert.False(sut.Has('x', "from-none"));
    }

    [Fact]
    public void Add_FromLongGeneratedLocalPart_KeepsEightCharactersOfItsShape()
    {
        var sut = Of("From: a1b2c3d4e5f6@qu.example");

        Assert.True(sut.Has('x', "from-local:a9a9a9a9"));
        Assert.True(sut.Has('x', "from-local-length:4"));
        Assert.True(sut.Has('x', "from-local-digits"));
    }

    [Fact]
    public void Add_FromWithoutNameOrDottedDomain_SaysSo()
    {
        var sut = Of("From: root@localhost");

        Assert.True(sut.Has('x', "from-name-none"));
        Assert.True(sut.Has('x', "from-tld:localhost"));
    }

    [Theory]
    [InlineData("From: \"billing@bank.example\" <x@qu.example>", "from-name-address")]
    [InlineData("From: \"NED LOVELY 2\" <x@qu.example>", "from-name-capitals")]
    [InlineData("From: \"NED\" <ned@qu.example>", "from-name-local")]
    [InlineData("From: Ned <x@GMail.com>", "from-freemail")]
    public void Add_FromName_MarksItsForm(string header, string feature) => Assert.True(Of(header).Has('x', feature));

    [Theory]
    [InlineData("From: \"2002\" <x@qu.example>")]
    [InlineData("From: \"Ned LOVELY\" <x@qu.example>")]
    public void Add_NameWithoutLettersOrMixedCase_IsNoCapitals(string header) => Assert.False(Of(header).Has('x', "from-name-capitals"));

    [Theory]
    [InlineData("Reply-To: <help@lists.qu.example>", "reply-to-same")]
    [InlineData("Reply-To: <help@qu.elsewhere.example>", "reply-to-other")]
    [InlineData("Return-Path: <bounce@bounces.qu.example>", "return-path-same")]
    [InlineData("Return-Path: <bounce@mailer.example>", "return-path-other")]
    public void Add_ReplyAndBounceAddress_ComparesItsDomainWithTheSenders(string header, string feature)
    {
        var sut = Of("From: ned@mail.qu.example\n" + header);

        Assert.True(sut.Has('x', feature));
        Assert.False(sut.Has('x', feature.EndsWith("-same", StringComparison.Ordinal) ? feature.Replace("-same", "-other", StringComparison.Ordinal) : feature.Replace("-other", "-same", StringComparison.Ordinal)));
    }

    [Fact]
    public void Add_SeveralSendersAndReplyAddresses_ReadsTheFirstOfEach()
    {
        var sut = Of("From: Ned <ned@qu.example>, BOB <bob7@elsewhere.example>\nReply-To: help@qu.example, help@elsewhere.example");

        Assert.True(sut.Has('x', "reply-to-same"));
        Assert.False(sut.Has('x', "reply-to-other"));
        Assert.False(sut.Has('x', "from-local-digits"));
        Assert.False(sut.Has('x', "from-name-capitals"));
    }

    [Fact]
    public void Add_NullReturnPath_IsNeitherSameNorOther()
    {
        var sut = Of("From: ned@qu.example\nReturn-Path: <>");

        Assert.False(sut.Has('x', "return-path-same"));
        Assert.False(sut.Has('x', "return-path-other"));
    }

    [Theory]
    [InlineData("Message-ID: <1234.5678@mail.qu.example>", "message-id:<9.9", "message-id-sender")]
    [InlineData("Message-ID: <1234.5678@mailer.example>", "message-id:<9.9", "message-id-other")]
    [InlineData("Message-ID: <abcdEFGH1234ijkl5678@qu.example>", "message-id:<aA9a9", "message-id-sender")]
    [InlineData("Message-ID: <a.b.c.d.e.f.g.h@qu.example>", "message-id:<a.a.a.a.a", "message-id-sender")]
    public void Add_MessageId_MarksItsShapeAndWhoseDomainItNames(string header, string shape, string domain)
    {
        var sut = Of("From: ned@qu.example\n" + header);

        Assert.True(sut.Has('x', shape));
        Assert.True(sut.Has('x', domain));
        Assert.False(sut.Has('x', "message-id-host-bare"));
        Assert.False(sut.Has('x', "message-id-none"));
    }

    [Fact]
    public void Add_MessageIdOnABareHost_SaysSo()
    {
        var sut = Of("From: ned@qu.example\nMessage-ID: <1234@localhost>");

        Assert.True(sut.Has('x', "message-id-host-bare"));
        Assert.True(sut.Has('x', "message-id-other"));
    }

    [Fact]
    public void Add_MessageIdWithoutDomain_IsUnparsed()
    {
        var sut = Of("From: ned@qu.example\nMessage-ID: <12345>");

        Assert.True(sut.Has('x', "message-id:<9>"));
        Assert.True(sut.Has('x', "message-id-unparsed"));
        Assert.False(sut.Has('x', "message-id-host-bare"));
    }

    [Fact]
    public void Add_MessageIdWithoutDomainFromASenderWithoutDomain_IsUnparsed() =>
        Assert.True(Of("From: ned\nMessage-ID: <12345>").Has('x', "message-id-unparsed"));

    [Fact]
    public void Add_MessageIdWithoutFrom_NamesAnotherDomain() =>
        Assert.True(Of("Message-ID: <1234@qu.example>").Has('x', "message-id-other"));

    [Fact]
    public void Add_NoMessageId_SaysSo()
    {
        var sut = Of("From: ned@qu.example");

        Assert.True(sut.Has('x', "message-id-none"));
        Assert.False(sut.Has('x', "message-id-unparsed"));
    }

    [Theory]
    [InlineData("", "to-none")]
    [InlineData("To: a@contoso.example", "to-some")]
    [InlineData("To: a@contoso.example, b@contoso.example, c@contoso.example, d@contoso.example, e@contoso.example", "to-some")]
    [InlineData("To: a@contoso.example, b@contoso.example, c@contoso.example, d@contoso.example, e@contoso.example, f@contoso.example", "to-many")]
    public void Add_Recipients_AreCountedRoughly(string header, string feature)
    {
        var sut = Of("From: ned@qu.example\n" + header);

        Assert.True(sut.Has('x', feature));
        Assert.Equal(1, new[] { "to-none", "to-some", "to-many" }.Count(f => sut.Has('x', f)));
    }

    [Fact]
    public void Add_RecipientsWithoutNames_SaysSo()
    {
        var sut = Of("From: ned@qu.example\nTo: a@contoso.example, b@contoso.example");

        Assert.True(sut.Has('x', "to-without-names"));
        Assert.False(sut.Has('x', "to-sender"));
        Assert.False(sut.Has('x', "to-undisclosed"));
    }

    [Fact]
    public void Add_OneRecipientWithAName_IsNotWithoutNames() =>
        Assert.False(Of("From: ned@qu.example\nTo: a@contoso.example, Bob <b@contoso.example>").Has('x', "to-without-names"));

    [Fact]
    public void Add_NoRecipients_IsNotWithoutNames() => Assert.False(Of("From: ned@qu.example").Has('x', "to-without-names"));

    [Fact]
    public void Add_SenderAmongTheRecipients_SaysSo() =>
        Assert.True(Of("From: ned@qu.example\nTo: Alice <a@contoso.example>, Ned <NED@QU.EXAMPLE>").Has('x', "to-sender"));

    [Fact]
    public void Add_RecipientsWithoutFrom_IsNotToSender() => Assert.False(Of("To: ned@qu.example").Has('x', "to-sender"));

    // Above mail placed in the store, the envelope sender is whatever its author wrote.
    [Fact]
    public void Add_ReturnPathOnMailThatBypassedTheTenantsTransport_IsNotRead()
    {
        var message = TestMail.Read(TestMail.Parse("From: ned@mail.qu.example\nReturn-Path: <bounce@mailer.example>\nSubject: hi\n\ntext\n"));

        var sut = Features.Of(v => SenderFeatures.Add(message, v));

        Assert.False(sut.Has('x', "return-path-other"));
        Assert.False(sut.Has('x', "return-path-same"));
    }

    private static Features Of(string headers)
    {
        var message = AsCorpus(TestMail.Parse(headers + "\nSubject: hi\n\ntext\n"));
        return Features.Of(v => SenderFeatures.Add(message, v));
    }

    /// <summary>Read as the training corpus is, for no tenant: where the message came from cannot be told.</summary>
    private static ScannedMessage AsCorpus(MimeMessage mime) => ScannedMessage.Read(new ScanInput(mime), new ScanLimits(), tenantId: "");
}
