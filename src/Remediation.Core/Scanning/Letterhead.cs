using System.Security.Cryptography;
using System.Text;
using MimeKit;
using Remediation.Core.Mailboxes;

namespace Remediation.Core.Scanning;

/// <summary>
/// What a message says of who sends it and what it is about: the From header's names and addresses, the Sender
/// address (From's when there is none, as Exchange fills it in), the Reply-To addresses and the subject, as one hash:
/// every header the sender-judging rules read. A message whose headers alone made it malicious is remediated only with
/// copies that show the same letterhead: anyone can copy a real message's words and its Message-ID under a
/// malicious sender, and the real message must stay where it is.
/// </summary>
public static class Letterhead
{
    public static string Of(MimeMessage message) => Of(message.Subject, ShownSenders.Of(message));

    /// <summary>The letterhead of what a store returns: the subject and the addresses.</summary>
    public static string Of(string? subject, ShownSenders senders) => Of(subject, senders.From, senders.Sender, senders.ReplyTo);

    /// <param name="from">Each From mailbox's name and address; a name the store fills in with the address counts as none.</param>
    /// <param name="sender">The Sender address, or the first From address when the message has no Sender header.</param>
    public static string Of(string? subject, IEnumerable<(string? Name, string Address)> from, string? sender, IEnumerable<string> replyTo)
    {
        var senders = from.Select(f => $"{NameOf(f.Name, f.Address)}<{f.Address.Trim().ToLowerInvariant()}>").Order(StringComparer.Ordinal);
        var replies = replyTo.Select(r => r.Trim().ToLowerInvariant()).Order(StringComparer.Ordinal);
        // A Sender other than the From is written in; the usual one leaves the hash as it was before Sender counted, so a
        // job queued by an earlier version is still matched.
        var onBehalf = sender is not null && !from.Any(f => f.Address.Trim().Equals(sender.Trim(), StringComparison.OrdinalIgnoreCase))
            ? $"\nsender:{sender.Trim().ToLowerInvariant()}" : "";
        var text = $"{Collapse(subject ?? "")}\n{string.Join(',', senders)}\n{string.Join(',', replies)}{onBehalf}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
    }

    private static string NameOf(string? name, string address)
    {
        var shown = Collapse(name ?? "").Trim('"', '\'', ' ');
        return shown.Equals(address.Trim(), StringComparison.OrdinalIgnoreCase) ? "" : shown;
    }

    private static string Collapse(string text) => string.Join(' ', text.Split((char[])[' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
}
