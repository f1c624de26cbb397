using System.Globalization;
using MimeKit;

namespace Remediation.Core.Tests.Scanning;

/// <summary>
/// Writes what Exchange Online transport writes into an inbound message, as the tenant simulator's
/// TransportStamper does: Received hops through Microsoft's hosts and the cross-tenant headers.
/// </summary>
internal static class TransportStamps
{
    /// <param name="authenticatedDomain">When given, the sender's domain passed SPF, DKIM and DMARC, as a real
    /// sender's mail does; otherwise only SPF for a placeholder host.</param>
    /// <param name="authAs">What transport says of the sender: <c>Anonymous</c> from outside, <c>Internal</c> for a user signed in to the tenant.</param>
    /// <param name="senderCheckFailed">The From domain failed SPF, DKIM, DMARC and composite authentication: a spoof,
    /// or a mailing list or forwarder that rewrote the message.</param>
    public static MimeMessage Stamp(MimeMessage original, string tenantId, DateTimeOffset arrival, string exchangeDomain = "outlook.com", string? authenticatedDomain = null, string authAs = "Anonymous", bool senderCheckFailed = false)
    {
        var message = Copy(original);
        var networkMessageId = Guid.NewGuid().ToString();
        var edge = $"AM6PEPF00001234.eurprd04.prod.protection.{exchangeDomain}";
        var mailbox = $"AM0PR04MB5678.eurprd04.prod.{exchangeDomain}";
        var time = arrival.UtcDateTime.ToString("ddd, d MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture);
        message.Headers.Insert(0, new Header("Received", $"from mail.sender.example (203.0.113.25) by {edge} (10.167.16.5) with Microsoft SMTP Server id 15.20.8000.11 via Frontend Transport; {time}"));
        // The edge writes its Authentication-Results above the hop it received the message on.
        var fromDomain = original.From.Mailboxes.FirstOrDefault()?.Domain ?? "sender.example";
        message.Headers.Insert(0, new Header("Authentication-Results", senderCheckFailed
            ? $"spf=fail (sender IP is 203.0.113.25) smtp.mailfrom={fromDomain}; dkim=fail (body hash did not verify) header.d={fromDomain}; dmarc=fail action=none header.from={fromDomain}; compauth=fail reason=001"
            : authenticatedDomain is null
            ? "spf=pass (sender IP is 203.0.113.25) smtp.mailfrom=sender.example; dkim=none; dmarc=none action=none; compauth=pass reason=100"
            : $"spf=pass (sender IP is 203.0.113.25) smtp.mailfrom={authenticatedDomain}; dkim=pass (signature was verified) header.d={authenticatedDomain}; dmarc=pass action=none header.from={authenticatedDomain}; compauth=pass reason=100"));
        message.Headers.Insert(0, new Header("Received", $"from {edge} (2603:10a6:20b:2::34) by {mailbox} (2603:10a6:208:1::12) with Microsoft SMTP Server id 15.20.8000.11; {time}"));
        message.Headers.Add("X-MS-Exchange-Organization-Network-Message-Id", networkMessageId);
        message.Headers.Add("X-MS-Exchange-Organization-AuthAs", authAs);
        message.Headers.Add("X-MS-Exchange-CrossTenant-AuthAs", authAs);
        message.Headers.Add("X-MS-Exchange-CrossTenant-Network-Message-Id", networkMessageId);
        message.Headers.Add("X-MS-Exchange-CrossTenant-Id", tenantId);
        message.Headers.Add("X-MS-Exchange-CrossTenant-OriginalArrivalTime", arrival.UtcDateTime.ToString("dd MMM yyyy HH:mm:ss.ffff '(UTC)'", CultureInfo.InvariantCulture));
        message.Headers.Add("X-Forefront-Antispam-Report", "CIP:203.0.113.25;CTRY:;LANG:en;SCL:1;SRV:;IPV:NLI;SFV:NSPM;H:mail.sender.example;DIR:INB;");
        return message;
    }

    public static MimeMessage Copy(MimeMessage original)
    {
        using var buffer = new MemoryStream();
        original.WriteTo(buffer);
        buffer.Position = 0;
        return MimeMessage.Load(buffer);
    }
}
