using System.Diagnostics.CodeAnalysis;

namespace Remediation.TenantSimulator.Graph;

/// <summary>OData string literals in <c>$filter</c>: <c>'…'</c>, where a doubled <c>''</c> stands for one quote.</summary>
internal static class ODataLiteral
{
    public static bool TryReadString(string literal, [NotNullWhen(true)] out string? value)
    {
        value = null;
        if (literal.Length < 2 || literal[0] != '\'' || literal[^1] != '\'')
        {
            return false;
        }

        var inner = literal[1..^1];
        if (inner.Replace("''", string.Empty, StringComparison.Ordinal).Contains('\'', StringComparison.Ordinal))
        {
            return false;
        }

        value = inner.Replace("''", "'", StringComparison.Ordinal);
        return true;
    }
}
