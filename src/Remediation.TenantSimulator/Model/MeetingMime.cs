using System.Globalization;
using System.Text;
using MimeKit;

namespace Remediation.TenantSimulator.Model;

/// <summary>Meeting traffic as Outlook writes it: a text body beside an iCalendar part whose method says what it is.</summary>
internal static class MeetingMime
{
    public static string Request(string organizer, IReadOnlyList<string> attendees, string subject, DateTimeOffset start)
    {
        var uid = $"{Guid.NewGuid():N}";
        var calendar = Calendar("REQUEST", uid, subject, start, organizer,
            attendees.Select(a => $"ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:{a}"));
        return Build(organizer, attendees, subject, $"Join us for {subject}.", "REQUEST", calendar);
    }

    public static string Reply(string requestMime, string attendee, string partStat)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(requestMime));
        return Reply(MimeMessage.Load(stream), attendee, partStat);
    }

    private static string Reply(MimeMessage request, string attendee, string partStat)
    {
        var organizer = request.From.Mailboxes.First().Address;
        var requestCalendar = request.BodyParts.OfType<TextPart>().First(p => p.ContentType.IsMimeType("text", "calendar")).Text;
        var uid = Line(requestCalendar, "UID:") ?? Guid.NewGuid().ToString("N");
        var start = DateTimeOffset.ParseExact(Line(requestCalendar, "DTSTART:")!, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        var verb = partStat switch { "DECLINED" => "Declined", "TENTATIVE" => "Tentative", _ => "Accepted" };
        var subject = $"{verb}: {request.Subject}";
        var calendar = Calendar("REPLY", uid, request.Subject ?? "", start, organizer, [$"ATTENDEE;PARTSTAT={partStat}:mailto:{attendee}"]);
        return Build(attendee, [organizer], subject, "", "REPLY", calendar);
    }

    private static string Calendar(string method, string uid, string subject, DateTimeOffset start, string organizer, IEnumerable<string> attendees)
    {
        var format = "yyyyMMdd'T'HHmmss'Z'";
        var lines = new List<string>
        {
            "BEGIN:VCALENDAR", "PRODID:Microsoft Exchange Server 2010", "VERSION:2.0", $"METHOD:{method}",
            "BEGIN:VEVENT", $"UID:{uid}", $"SUMMARY:{subject}", $"ORGANIZER:mailto:{organizer}",
            $"DTSTART:{start.UtcDateTime.ToString(format, CultureInfo.InvariantCulture)}",
            $"DTEND:{start.UtcDateTime.AddMinutes(30).ToString(format, CultureInfo.InvariantCulture)}",
        };
        lines.AddRange(attendees);
        lines.AddRange(["END:VEVENT", "END:VCALENDAR"]);
        return string.Join("\r\n", lines) + "\r\n";
    }

    private static string Build(string from, IEnumerable<string> to, string subject, string text, string method, string calendar)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        foreach (var address in to) message.To.Add(MailboxAddress.Parse(address));
        message.Subject = subject;
        message.Date = DateTimeOffset.UtcNow;
        message.MessageId = $"{Guid.NewGuid():N}@simulated.outlook";
        message.Headers.Add("Content-Class", "urn:content-classes:calendarmessage");
        var calendarPart = new TextPart("calendar") { Text = calendar };
        calendarPart.ContentType.Parameters.Add("method", method);
        message.Body = new MultipartAlternative { new TextPart("plain") { Text = text }, calendarPart };
        using var output = new MemoryStream();
        message.WriteTo(output);
        return Encoding.UTF8.GetString(output.ToArray());
    }

    private static string? Line(string calendar, string prefix) =>
        calendar.Split('\n').Select(l => l.TrimEnd('\r')).FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal))?[prefix.Length..];
}
