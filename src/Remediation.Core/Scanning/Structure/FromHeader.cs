using System.Text;
using MimeKit;
using MimeKit.Utils;

namespace Remediation.Core.Scanning.Structure;

/// <summary>
/// The From header as it was written, before a parser rejects or repairs it: its entries, split on the commas that
/// separate them, and the name a mail client shows when the header hides its address.
/// </summary>
internal static class FromHeader
{
    /// <summary>The raw value of each From header, in order.</summary>
    public static List<string> Values(MimeMessage message) =>
        [.. message.Headers.Where(h => h.Id == HeaderId.From).Select(h => h.Value.Trim())];

    /// <summary>The entries of one From header: split on the commas outside quotes, angle brackets and comments.</summary>
    public static List<string> Entries(string value)
    {
        var entries = new List<string>();
        var current = new StringBuilder();
        bool quoted = false, escaped = false;
        int angle = 0, comment = 0;
        foreach (var c in value)
        {
            if (escaped) escaped = false;
            else if (c == '\\' && (quoted || comment > 0)) escaped = true;
            else if (c == '"' && comment == 0) quoted = !quoted;
            else if (!quoted && c == '(') comment++;
            else if (!quoted && c == ')' && comment > 0) comment--;
            else if (!quoted && comment == 0 && c == '<') angle++;
            else if (!quoted && comment == 0 && c == '>' && angle > 0) angle--;
            else if (!quoted && comment == 0 && angle == 0 && c == ',')
            {
                entries.Add(current.ToString().Trim());
                current.Clear();
                continue;
            }
            current.Append(c);
        }
        entries.Add(current.ToString().Trim());
        return entries.Where(e => e.Length > 0).ToList();
    }

    /// <summary>True when the entry holds an address with a local part and a domain.</summary>
    public static bool HasAddress(string entry)
    {
        var open = entry.LastIndexOf('<');
        var address = open >= 0 ? entry[(open + 1)..].TrimEnd('>', ' ') : entry;
        var at = address.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at < address.Length - 1;
    }

    /// <summary>
    /// The name a reader sees when the first From header hides the sender (an entry with no address, or a second entry
    /// behind an unquoted comma), decoded; null for an ordinary header, whose name the parser already gives.
    /// </summary>
    public static string? HiddenSenderName(MimeMessage message)
    {
        var value = Values(message).FirstOrDefault();
        if (value is null) return null;
        var entries = Entries(value);
        if (entries.Count == 0 || (entries.Count == 1 && HasAddress(entries[0]))) return null;
        var first = entries[0];
        var open = first.IndexOf('<', StringComparison.Ordinal);
        var name = (open >= 0 ? first[..open] : first).Trim().Trim('"').Trim();
        return name.Length == 0 ? null : Rfc2047.DecodeText(Encoding.UTF8.GetBytes(name));
    }
}
