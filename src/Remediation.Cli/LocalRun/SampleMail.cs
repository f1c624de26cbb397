using MimeKit;

namespace Remediation.Cli.LocalRun;

/// <summary>Messages for local runs: ordinary mail, and a credential-phishing lure.</summary>
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

    private static string Build(string from, IEnumerable<string> to, string subject, string text)
    {
        var message = new MimeMessage { Subject = subject, Body = new TextPart("plain") { Text = text } };
        message.From.Add(MailboxAddress.Parse(from));
        message.To.AddRange(to.Select(MailboxAddress.Parse));
        message.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("mail.example");
        message.Date = DateTimeOffset.UtcNow;
        return message.ToString();
    }
}
