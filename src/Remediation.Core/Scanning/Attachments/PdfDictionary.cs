using System.Globalization;
using System.Text.RegularExpressions;
using Remediation.Core.Scanning.Content;

namespace Remediation.Core.Scanning.Attachments;

/// <summary>Entries read from the text of a PDF dictionary, for the readers that need a few of them.</summary>
internal static partial class PdfDictionary
{
    /// <summary>The integer written after <c>/key</c> ("/Width 296", "/P -4"), or null when there is none.</summary>
    public static int? Number(string dictionary, string key) =>
        NumberEntry().Matches(dictionary).FirstOrDefault(m => m.Groups["key"].Value == key) is { } found
        && int.TryParse(found.Groups["value"].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : null;

    [GeneratedRegex(@"/(?<key>[A-Za-z]+)\s+(?<value>-?[0-9]{1,10})\b", LinearRegex.Options)]
    private static partial Regex NumberEntry();
}
