using MimeKit;

namespace Remediation.Testing;

/// <summary>Messages for local runs: ordinary mail, a credential-phishing lure, and an Email Appender lure.</summary>
public static class SampleMail
{
    /// <summary>The lure links here; local runs put this domain on the tenant's URL blocklist.</summary>
    public const string PhishingDomain = "m365-account-verify.example";

    public static string Newsletter(string domain, params string[] recipients) => Build(
        "Partner Newsletter <news@partner.example>",
        recipients.Select(r => $"{r}@{domain}"),
        "November product update",
        "Hello,\n\nOur November update is out: https://www.partner.example/updates/november\n\nThe Partner team");

    public static string CredentialPhish(string domain, params string[] recipients) => Build(
        "IT Service Desk <it-support@mailbox-helpdesk.example>",
        recipients.Select(r => $"{r}@{domain}"),
        "Action required: your mailbox will be suspended",
        $"Your mailbox has exceeded its quota. Verify your account within 24 hours or it will be suspended:\n\nhttps://login.{PhishingDomain}/owa/verify?session=8812\n\nIT Service Desk");

    /// <summary>Another campaign by the same sender: other words, the same blocked link host.</summary>
    public static string SharedDocumentPhish(string domain, params string[] recipients) => Build(
        "IT Service Desk <it-support@mailbox-helpdesk.example>",
        recipients.Select(r => $"{r}@{domain}"),
        "A document was shared with you",
        $"A colleague shared a document with you. Sign in to open it before the link expires:\n\nhttps://login.{PhishingDomain}/share/open?doc=4471\n\nIT Service Desk");

    /// <summary>
    /// A user forwarding the credential-phishing lure to the SOC's mailbox to ask whether it is real: the lure's text and
    /// link quoted under the user's own words, From the user.
    /// </summary>
    public static string ForwardToSoc(string domain, string user, string soc) => Build(
        $"{user}@{domain}",
        [$"{soc}@{domain}"],
        "FW: Action required: your mailbox will be suspended",
        $"Hi security team, is this one real? I did not click.\n\n-------- Forwarded message --------\nFrom: IT Service Desk <it-support@mailbox-helpdesk.example>\nSubject: Action required: your mailbox will be suspended\n\nYour mailbox has exceeded its quota. Verify your account within 24 hours or it will be suspended:\n\nhttps://login.{PhishingDomain}/owa/verify?session=8812\n\nIT Service Desk");

    /// <summary>The domain an Email Appender wave links to; local runs block it too.</summary>
    public const string AppenderDomain = "parcel-redelivery.example";

    /// <summary>
    /// One copy of an Email Appender wave, as the tool writes it over IMAP into a stolen mailbox: the victim as the
    /// sole recipient, a trusted display name over a foreign address, a Reply-To elsewhere, its own Message-ID.
    /// </summary>
    public static string AppendedLure(string domain, string recipient)
    {
        var message = Create(
            $"\"IT Helpdesk {domain}\" <noreply@secure-mail-gateway.example>",
            [$"{recipient}@{domain}"],
            "Your parcel could not be delivered",
            $"We could not deliver your parcel. Confirm your address and pay the 1.99 EUR fee within 48 hours:\n\nhttps://track.{AppenderDomain}/redeliver?ref=44817\n\nCustomer Service");
        message.ReplyTo.Add(MailboxAddress.Parse("claims@parcel-support.example"));
        return message.ToString();
    }

    /// <summary>
    /// Everyday mail for steady traffic, one of a few kinds by <paramref name="number"/>: a colleague's notes, a
    /// supplier's invoice, a shared document, a lunch invitation. The number also makes each message's text unique.
    /// </summary>
    /// <param name="colleague">The user name of the tenant mailbox that writes the internal kinds.</param>
    public static string Ordinary(string domain, int number, string colleague, params string[] recipients)
    {
        var to = recipients.Select(r => $"{r}@{domain}");
        return (number % 4) switch
        {
            0 => Build(
                $"{colleague}@{domain}", to, $"Notes from the planning meeting ({number})",
                $"Hi all,\n\nThanks for joining today. Decisions: ship the reporting change next sprint, keep the release date, and review the backlog on Thursday (item {number}).\n\nBest regards"),
            1 => Build(
                "Northwind Accounts <billing@northwind.example>", to, $"Invoice NW-{number} for October",
                $"Hello,\n\nPlease find the details of invoice NW-{number} for the October delivery of office supplies. Payment terms are 30 days as agreed in the framework contract.\n\nThe invoice is also on our supplier portal: https://portal.northwind.example/invoices/NW-{number}\n\nKind regards,\nNorthwind Accounts"),
            2 => Build(
                $"{colleague}@{domain}", to, $"Updated budget sheet, version {number}",
                $"Hi,\n\nI have updated the budget sheet with the figures from finance, version {number}. Comments welcome before Friday:\n\nhttps://intranet.{domain}/sites/finance/budget-v{number}\n\nThanks"),
            _ => Build(
                $"{colleague}@{domain}", to, $"Lunch on Friday? (table {number})",
                $"Hi,\n\nShall we have lunch on Friday at the usual place? I can book table {number} for half past twelve.\n\nCheers"),
        };
    }

    /// <summary>A plain-text message with its own Message-ID, dated now.</summary>
    public static string Build(string from, IEnumerable<string> to, string subject, string text) => Create(from, to, subject, text).ToString();

    // Digits only, unique per message: the spam classifier reads a Message-ID's shape (its runs of capitals, small
    // letters and digits), and a random mix of letters and digits moved one sample between 10 and 22 points from run
    // to run, across the campaign stage's floor.
    private static string UniqueMessageId() =>
        $"{DateTime.UtcNow.Ticks}{Random.Shared.Next(1_000_000):D6}@mail.example";

    private static MimeMessage Create(string from, IEnumerable<string> to, string subject, string text)
    {
        var message = new MimeMessage { Subject = subject, Body = new TextPart("plain") { Text = text } };
        message.From.Add(MailboxAddress.Parse(from));
        message.To.AddRange(to.Select(MailboxAddress.Parse));
        message.MessageId = UniqueMessageId();
        message.Date = DateTimeOffset.UtcNow;
        return message;
    }
}
