using System.Globalization;
using System.Numerics;
using System.Text;

namespace Remediation.Core.Scanning.Classification;

/// <summary>
/// Coarse forms of values that are unique per message (addresses, Message-IDs, dates, counts), so that what they
/// have in common across messages, such as the software that wrote them, becomes a feature.
/// </summary>
internal static class TokenShape
{
    /// <summary>Letters become <c>A</c> or <c>a</c>, digits <c>9</c>, runs collapse: <c>Mon, 9 Sep 2002</c> → <c>Aa, 9 Aa 9</c>.</summary>
    public static string Of(string value, int maxLength)
    {
        var shape = new StringBuilder(maxLength);
        var last = '\0';
        foreach (var c in value.AsSpan(0, Math.Min(value.Length, 128)))
        {
            var kind = char.IsUpper(c) ? 'A' : char.IsLower(c) ? 'a' : char.IsDigit(c) ? '9' : c;
            if (kind != last) shape.Append(kind);
            last = kind;
            if (shape.Length >= maxLength) break;
        }
        return shape.ToString();
    }

    /// <summary>A count on a log-2 scale: 0, 1, 2–3, 4–7, …</summary>
    public static string Magnitude(int count) =>
        count <= 0 ? "0" : (BitOperations.Log2((uint)count) + 1).ToString(CultureInfo.InvariantCulture);
}
