using System.IO.Compression;
using System.Text;
using MimeKit;
using Remediation.Core.Scanning;

namespace Remediation.Core.Tests.Scanning.Rules;

/// <summary>Small messages built for one rule: attachments, archives, HTML bodies and raw headers.</summary>
internal static class RuleMail
{
    /// <summary>A plain message from a partner with these attachments, in this order.</summary>
    public static MimeMessage WithAttachments(params (string Name, byte[] Content)[] files)
    {
        var body = new BodyBuilder { TextBody = "See attached." };
        foreach (var (name, content) in files) body.Attachments.Add(name, content);
        var message = new MimeMessage { Subject = "Files", Body = body.ToMessageBody() };
        message.From.Add(MailboxAddress.Parse("bob@partner.example"));
        message.To.Add(MailboxAddress.Parse($"alice@{TestMail.Domain}"));
        return message;
    }

    public static ScannedMessage ReadAttachments(params (string Name, byte[] Content)[] files) => TestMail.Read(WithAttachments(files));

    /// <summary>A ZIP archive holding these entries.</summary>
    public static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var entry = archive.CreateEntry(name).Open();
                entry.Write(content);
            }
        }
        return zip.ToArray();
    }

    public static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    /// <summary>The first bytes of a Windows executable.</summary>
    public static byte[] Executable => [.. "MZ"u8, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00];

    /// <summary>An HTML message whose body is this markup.</summary>
    public static ScannedMessage Html(string html, string from = "news@partner.example", string subject = "News") => TestMail.Read(TestMail.Parse(
        $"From: {from}\r\nTo: alice@{TestMail.Domain}\r\nSubject: {subject}\r\nMIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{html}\r\n"));

    /// <summary>A plain message with these header lines (CRLF-separated, no To or Subject unless given) and body.</summary>
    public static ScannedMessage Headers(string headers, string body = "Hello.") =>
        TestMail.Read(TestMail.Parse($"{headers}\r\nMIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\n{body}\r\n"));
}
