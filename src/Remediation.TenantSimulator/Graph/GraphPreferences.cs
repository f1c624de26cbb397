using System.Globalization;

namespace Remediation.TenantSimulator.Graph;

/// <summary>What a request asks for in its <c>Prefer</c> headers.</summary>
internal sealed record GraphPreferences(bool ImmutableIds, bool TextBody, int? MaxPageSize)
{
    public const string ImmutableIdPreference = "IdType=\"ImmutableId\"";

    public static GraphPreferences From(HttpRequest request)
    {
        var immutableIds = false;
        var textBody = false;
        int? maxPageSize = null;
        foreach (var preference in request.Headers["Prefer"].SelectMany(v => (v ?? string.Empty).Split(',')))
        {
            var (name, value) = Split(preference);
            if (name.Equals("IdType", StringComparison.OrdinalIgnoreCase))
            {
                immutableIds = value.Equals("ImmutableId", StringComparison.OrdinalIgnoreCase);
            }
            else if (name.Equals("outlook.body-content-type", StringComparison.OrdinalIgnoreCase))
            {
                textBody = value.Equals("text", StringComparison.OrdinalIgnoreCase);
            }
            else if (name.Equals("odata.maxpagesize", StringComparison.OrdinalIgnoreCase)
                && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size > 0)
            {
                maxPageSize = size;
            }
        }

        return new GraphPreferences(immutableIds, textBody, maxPageSize);
    }

    private static (string Name, string Value) Split(string preference)
    {
        var equals = preference.IndexOf('=', StringComparison.Ordinal);
        return equals < 0
            ? (preference.Trim(), string.Empty)
            : (preference[..equals].Trim(), preference[(equals + 1)..].Trim().Trim('"'));
    }
}
