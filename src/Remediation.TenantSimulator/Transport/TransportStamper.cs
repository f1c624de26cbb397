using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using MimeKit;
using Remediation.TenantSimulator.Model;

namespace Remediation.TenantSimulator.Transport;

/// <summary>The message as Exchange Online transport stores it, and who in the tenant it goes to.</summary>
internal sealed record StampedMessage(string Mime, MessageContent Content, string NetworkMessageId, IReadOnlyList<string> RecipientAddresses);

/// <summary>
/// Adds what Exchange Online transport writes into an inbound message for this tenant: Received hops through
/// Microsoft's hosts, the cross-tenant and organization headers, anti-spam verdicts and Authentication-Results.
/// </summary>
internal sealed class TransportStamper(SimulatorOptions options, TimeProvider timeProvider)
{
    private static readonly FormatOptions CrLf = CreateFormat();

    public StampedMessage Stamp(string mime, TransportEnvelope envelope)
    {
        using var input = new MemoryStream(Encoding.UTF8.GetBytes(mime));
        var message = MimeMessage.Load(input);
        var recipients = message.To.Mailboxes.Concat(message.Cc.Mailboxes).Concat(message.Bcc.Mailboxes)
            .Select(m => m.Address)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();

        var arrival = timeProvider.GetUtcNow();
        var networkMessageId = Guid.NewGuid().ToString();
        var edgeHost = $"{HostCode("AM6PEPF")}.eurprd0{RandomNumberGenerator.GetInt32(1, 9)}.prod.protection.{options.ExchangeDomain}";
        var mailboxHost = $"{HostCode("AM0PR0")}.eurprd0{RandomNumberGenerator.GetInt32(1, 9)}.prod.{options.ExchangeDomain}";
        var storeHost = $"{HostCode("DB9PR0")}.eurprd0{RandomNumberGenerator.GetInt32(1, 9)}.prod.{options.ExchangeDomain}";
        var senderDomain = message.From.Mailboxes.FirstOrDefault()?.Domain ?? envelope.ClientHostName;

        message.MessageId ??= $"{Guid.NewGuid():N}@{mailboxHost}";
        message.Headers.RemoveAll(HeaderId.Bcc);

        // Transport prepends its trace headers: the newest hop ends up on top.
        message.Headers.Insert(0, new Header("Received",
            $"from {envelope.ClientHostName} ({envelope.ClientIp}) by {edgeHost} (10.167.16.5) with Microsoft SMTP Server " +
            $"(version=TLS1_3, cipher=TLS_AES_256_GCM_SHA384) id 15.20.8000.11 via Frontend Transport; {Rfc822(arrival)}"));
        // The edge writes its Authentication-Results above the hop it received the message on.
        message.Headers.Insert(0, new Header("Authentication-Results",
            $"spf={envelope.Spf} (sender IP is {envelope.ClientIp}) smtp.mailfrom={senderDomain}; " +
            $"dkim={envelope.Dkim} header.d={senderDomain};dmarc={envelope.Dmarc} action=none header.from={senderDomain};" +
            $"compauth={envelope.CompAuth} reason={(envelope.CompAuth == "pass" ? "100" : "000")}"));
        message.Headers.Insert(0, new Header("Received",
            $"from {edgeHost} (2603:10a6:20b:2::34) by {mailboxHost} (2603:10a6:208:1::12) with Microsoft SMTP Server " +
            $"(version=TLS1_2, cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) id 15.20.8000.11; {Rfc822(arrival)}"));
        message.Headers.Insert(0, new Header("Received",
            $"from {mailboxHost} (2603:10a6:208:1::12) by {storeHost} with HTTPS; {Rfc822(arrival)}"));

        message.Headers.Add("X-MS-Exchange-Organization-Network-Message-Id", networkMessageId);
        // A signed-in user's mail is authenticated on the mailbox server it was submitted to.
        var authSource = envelope.SignedInSender ? mailboxHost : edgeHost;
        var authAs = envelope.SignedInSender ? "Internal" : "Anonymous";
        message.Headers.Add("X-MS-Exchange-Organization-AuthSource", authSource);
        message.Headers.Add("X-MS-Exchange-Organization-AuthAs", authAs);
        message.Headers.Add("X-MS-Exchange-Organization-SCL", "1");
        message.Headers.Add("X-MS-Exchange-CrossTenant-Network-Message-Id", networkMessageId);
        message.Headers.Add("X-MS-Exchange-CrossTenant-Id", options.TenantId);
        message.Headers.Add("X-MS-Exchange-CrossTenant-OriginalArrivalTime",
            arrival.UtcDateTime.ToString("dd MMM yyyy HH:mm:ss.ffff '(UTC)'", CultureInfo.InvariantCulture));
        message.Headers.Add("X-MS-Exchange-CrossTenant-AuthSource", authSource);
        message.Headers.Add("X-MS-Exchange-CrossTenant-AuthAs", authAs);
        message.Headers.Add("X-Forefront-Antispam-Report",
            $"CIP:{envelope.ClientIp};CTRY:;LANG:en;SCL:1;SRV:;IPV:NLI;SFV:NSPM;H:{envelope.ClientHostName};" +
            $"PTR:{envelope.ClientHostName};CAT:NONE;SFS:;DIR:{(envelope.SignedInSender ? "INT" : "INB")};");
        message.Headers.Add("X-Microsoft-Antispam", "BCL:0;");
        message.Headers.Add("X-Microsoft-Antispam-Mailbox-Delivery", "ucf:0;jmr:0;auth:0;dest:I;ENG:(910001)(944506478)(944626604);");

        using var output = new MemoryStream();
        message.WriteTo(CrLf, output);
        return new StampedMessage(Encoding.UTF8.GetString(output.ToArray()), MessageContent.Read(message), networkMessageId, recipients);
    }

    private static string HostCode(string prefix) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}{RandomNumberGenerator.GetInt32(1000, 10000)}");

    private static string Rfc822(DateTimeOffset time) =>
        time.UtcDateTime.ToString("ddd, d MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture);

    private static FormatOptions CreateFormat()
    {
        var format = FormatOptions.Default.Clone();
        format.NewLineFormat = NewLineFormat.Dos;
        return format;
    }
}
