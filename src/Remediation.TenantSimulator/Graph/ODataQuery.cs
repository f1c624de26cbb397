using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Remediation.TenantSimulator.Graph;

/// <summary>The OData query options of a collection request; Graph accepts them with or without the <c>$</c>.</summary>
internal sealed record ODataQuery(Selection Select, int? Top, int Skip, string? Filter)
{
    public static bool TryParse(IQueryCollection query, [NotNullWhen(true)] out ODataQuery? parsed, [NotNullWhen(false)] out string? error)
    {
        parsed = null;
        if (!TryReadCount(query, "top", out var top, out error) || !TryReadCount(query, "skip", out var skip, out error))
        {
            return false;
        }

        parsed = new ODataQuery(Selection.Parse(Read(query, "select")), top, skip ?? 0, Read(query, "filter"));
        return true;
    }

    public static string? Read(IQueryCollection query, string option) =>
        query.TryGetValue("$" + option, out var value) || query.TryGetValue(option, out value) ? value.ToString() : null;

    private static bool TryReadCount(IQueryCollection query, string option, out int? value, [NotNullWhen(false)] out string? error)
    {
        value = null;
        error = null;
        var text = Read(query, option);
        if (text is null)
        {
            return true;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            value = number;
            return true;
        }

        error = $"Invalid value '{text}' for query option ${option}.";
        return false;
    }
}
