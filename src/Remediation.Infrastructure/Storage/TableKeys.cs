using System.Text;

namespace Remediation.Infrastructure.Storage;

/// <summary>
/// Table keys may not contain <c>/ \ # ?</c> or control characters; Graph ids and principal names may. Such
/// characters are percent-encoded, so every id maps to one key and back.
/// </summary>
internal static class TableKeys
{
    public static string Escape(string value)
    {
        if (!value.Any(NeedsEscape)) return value;
        var key = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            if (NeedsEscape(c)) key.Append('%').Append(((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            else key.Append(c);
        }
        return key.ToString();
    }

    /// <summary>
    /// A value a sender may shape (a Message-ID, a key holding one) as key material: its SHA-256 in hex can neither pass
    /// the 1 KiB key limit nor hold a character Table storage refuses. Rows keep the value itself as a property.
    /// </summary>
    public static string Hash(string value) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(value)));

    private static bool NeedsEscape(char c) => c is '/' or '\\' or '#' or '?' or '%' || char.IsControl(c);
}
