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

    private static bool NeedsEscape(char c) => c is '/' or '\\' or '#' or '?' or '%' || char.IsControl(c);
}
