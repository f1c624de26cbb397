using System.Globalization;
using MimeKit;

namespace Remediation.Core.Scanning.Provenance;

/// <summary>Whether a message passed this tenant's Exchange Online transport, and the evidence for the answer.</summary>
public sealed record TransportProvenance(TransportPath Path, string Evidence)
{
    private const string CrossTenantId = "X-MS-Exchange-CrossTenant-Id";
    private const string ArrivalTime = "X-MS-Exchange-CrossTenant-OriginalArrivalTime";
    private const string OrganizationNetworkId = "X-MS-Exchange-Organization-Network-Message-Id";
    private const string CrossTenantNetworkId = "X-MS-Exchange-CrossTenant-Network-Message-Id";

    // The store's arrival time and transport's stamp are written moments apart; minutes of slack cover clock skew.
    private static readonly TimeSpan ArrivalTolerance = TimeSpan.FromMinutes(15);

    public static TransportProvenance Judge(MimeMessage message, string tenantId, DateTimeOffset? receivedAt)
    {
        if (string.IsNullOrWhiteSpace(tenantId)) return new(TransportPath.Unknown, "no tenant id is configured");

        var stampedTenants = message.Headers.Where(h => h.Field.Equals(CrossTenantId, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (stampedTenants.Count == 0)
        {
            return new(TransportPath.Bypassed, "it carries no stamp of this tenant's transport");
        }
        if (!stampedTenants.Contains(tenantId, StringComparer.OrdinalIgnoreCase))
        {
            return new(TransportPath.Bypassed, $"its transport stamp names another tenant ({stampedTenants[0]})");
        }
        if (stampedTenants.Count > 1)
        {
            return new(TransportPath.Forged, $"it carries stamps of {stampedTenants.Count} tenants");
        }

        var arrival = ParseArrival(message.Headers[ArrivalTime]);
        if (arrival is null) return new(TransportPath.Forged, "its stamp has no readable original arrival time");
        if (receivedAt is { } stored && (stored - arrival.Value).Duration() > ArrivalTolerance)
        {
            return new(TransportPath.Forged, $"its stamped arrival {arrival:u} is {(stored - arrival.Value).Duration().TotalMinutes:F0} min from the store's {stored:u}");
        }
        var organizationId = message.Headers[OrganizationNetworkId];
        var crossTenantNetworkId = message.Headers[CrossTenantNetworkId];
        if (organizationId is not null && crossTenantNetworkId is not null
            && !string.Equals(organizationId.Trim(), crossTenantNetworkId.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            return new(TransportPath.Forged, "its two network message ids disagree");
        }
        if (!message.Headers.Any(h => h.Id == HeaderId.Received && h.Value.Contains(".outlook.com", StringComparison.OrdinalIgnoreCase)))
        {
            return new(TransportPath.Forged, "it has no Received hop through Exchange Online");
        }
        return new(TransportPath.Transported, "it carries this tenant's transport stamps");
    }

    private static DateTimeOffset? ParseArrival(string? value)
    {
        if (value is null) return null;
        var text = value.Replace("(UTC)", "", StringComparison.Ordinal).Trim();
        return DateTimeOffset.TryParseExact(text, ["dd MMM yyyy HH:mm:ss.ffff", "dd MMM yyyy HH:mm:ss.fff", "dd MMM yyyy HH:mm:ss"],
            CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var arrival) ? arrival : null;
    }
}
