using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Remediation.TenantSimulator.Graph;

/// <summary>
/// The <c>$filter</c> clauses the simulator understands on messages: <c>internetMessageId eq '…'</c> (a doubled
/// <c>''</c> stands for one quote) and <c>receivedDateTime ge|gt|le|lt {date}</c>.
/// </summary>
internal static partial class MessageFilter
{
    public static bool TryParse(string? filter, [NotNullWhen(true)] out Func<StoredMessageView, bool>? predicate, [NotNullWhen(false)] out string? error)
    {
        predicate = null;
        error = null;
        if (string.IsNullOrWhiteSpace(filter))
        {
            predicate = _ => true;
            return true;
        }

        var clause = Clause().Match(filter);
        if (clause.Success)
        {
            var property = clause.Groups["property"].Value;
            var op = clause.Groups["op"].Value.ToLowerInvariant();
            var operand = clause.Groups["operand"].Value;
            if (property.Equals("internetMessageId", StringComparison.OrdinalIgnoreCase) && op == "eq" && ODataLiteral.TryReadString(operand, out var id))
            {
                predicate = m => string.Equals(m.InternetMessageId, id, StringComparison.Ordinal);
                return true;
            }

            if (property.Equals("receivedDateTime", StringComparison.OrdinalIgnoreCase)
                && DateTimeOffset.TryParse(operand, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
            {
                predicate = op switch
                {
                    "ge" => m => m.ReceivedDateTime >= date,
                    "gt" => m => m.ReceivedDateTime > date,
                    "le" => m => m.ReceivedDateTime <= date,
                    "lt" => m => m.ReceivedDateTime < date,
                    _ => null,
                };
                if (predicate is not null)
                {
                    return true;
                }
            }
        }

        error = $"Invalid filter clause: '{filter}'.";
        return false;
    }

    /// <summary>
    /// The only filters message delta accepts: <c>receivedDateTime ge|gt {date}</c>. Graph answers anything else with
    /// 400 <c>ErrorInvalidUrlQuery</c>.
    /// </summary>
    public static bool TryParseDelta(string? filter, [NotNullWhen(true)] out Func<StoredMessageView, bool>? predicate)
    {
        predicate = null;
        if (!string.IsNullOrWhiteSpace(filter) && DeltaClause().Match(filter) is not { Success: true })
        {
            return false;
        }

        return TryParse(filter, out predicate, out _);
    }

    [GeneratedRegex(@"^\s*(?<property>\w+)\s+(?<op>eq|ge|gt|le|lt)\s+(?<operand>.+?)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Clause();

    [GeneratedRegex(@"^\s*receivedDateTime\s+(ge|gt)\s+\S+\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex DeltaClause();
}
