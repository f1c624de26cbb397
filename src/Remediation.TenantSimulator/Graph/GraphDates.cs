using System.Globalization;

namespace Remediation.TenantSimulator.Graph;

/// <summary>Graph's date formats: whole seconds on items, full precision on subscriptions.</summary>
internal static class GraphDates
{
    public static string Seconds(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string Precise(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
}
