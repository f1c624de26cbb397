using System.Text;

namespace Remediation.Infrastructure.Storage;

/// <summary>
/// Table keys may not contain <c>/ \ # ?</c> or control characters; Graph ids and principal names may. Such
/// characters are percent-encoded, so every id maps to one key. A key is at most 1 KiB; a value a sender shapes (a domain
/// of 240 "%", each escaped to three characters) can pass that, so a key longer than <see cref="MaxKeyLength"/> keeps
/// its beginning, for range and prefix queries, and ends in the hash of the whole value.
/// </summary>
internal static class TableKeys
{
    /// <summary>Characters a key may have: 1 KiB whether the service counts UTF-16 or UTF-8 bytes.</summary>
    public const int MaxKeyLength = 255;

    // "%s" never comes out of the escaping ('%' is always followed by two hex digits), so a cut key meets no escaped one.
    private const string HashMark = "%sha256%";

    public static string Escape(string value)
    {
        var key = value.Any(NeedsEscape) ? Percent(value) : value;
        if (key.Length <= MaxKeyLength) return key;
        var kept = MaxKeyLength - HashMark.Length - 64;
        // A UTF-16 pair is not cut in two.
        if (char.IsHighSurrogate(key[kept - 1])) kept--;
        return string.Concat(key.AsSpan(0, kept), HashMark, Hash(value));
    }

    private static string Percent(string value)
    {
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
