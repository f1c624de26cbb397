using System.Globalization;
using System.Text.RegularExpressions;
using MimeKit;
using Remediation.Core.Scanning.Content;

namespace Remediation.Core.Scanning.Provenance;

/// <summary>Whether a message passed this tenant's Exchange Online transport, and the evidence for the answer.</summary>
/// <param name="SentInternally">
/// Transport took it from a sender signed in to this tenant (every AuthAs stamp says <c>Internal</c>): one of the
/// tenant's own accounts sent it. An outside sender can add such a stamp but not remove transport's <c>Anonymous</c>.
/// </param>
public sealed partial record TransportProvenance(TransportPath Path, string Evidence, bool SentInternally = false)
{
    /// <summary>
    /// What this tenant's transport found of the From domain's claim, read only on mail it carried: anywhere else an
    /// <c>Authentication-Results</c> header is its author's.
    /// </summary>
    public SenderAuthentication Sender { get; init; }

    /// <summary>The result behind <see cref="Sender"/>, in the words transport wrote it ("compauth=fail reason=001").</summary>
    public string SenderEvidence { get; init; } = "";

    /// <summary>This tenant's transport carried the message and found that the From domain did not send it.</summary>
    public bool SenderSpoofed => Sender == SenderAuthentication.Failed;

    /// <summary>Nothing vouches for the From address: the message bypassed this tenant's transport, or transport found it spoofed.</summary>
    public bool SenderUnproven => OutsideTransport || SenderSpoofed;

    /// <summary>This tenant's transport vouches for the From address: its domain passed, or one of the tenant's accounts sent it.</summary>
    public bool SenderProven => Path == TransportPath.Transported && Sender == SenderAuthentication.Passed;

    /// <summary>
    /// The message is known not to have come through this tenant's transport: appended, migrated, or stamped falsely.
    /// Whatever a receiving server would have written on it (a Return-Path, a safety banner) its author wrote.
    /// </summary>
    public bool OutsideTransport => Path is TransportPath.Bypassed or TransportPath.Forged;

    private const string OrganizationAuthAs = "X-MS-Exchange-Organization-AuthAs";
    private const string CrossTenantAuthAs = "X-MS-Exchange-CrossTenant-AuthAs";
    private const string CrossTenantId = "X-MS-Exchange-CrossTenant-Id";
    private const string ArrivalTime = "X-MS-Exchange-CrossTenant-OriginalArrivalTime";
    private const string OrganizationNetworkId = "X-MS-Exchange-Organization-Network-Message-Id";
    private const string CrossTenantNetworkId = "X-MS-Exchange-CrossTenant-Network-Message-Id";

    // The stamp cannot follow the store's arrival time; minutes of slack cover clock skew.
    private static readonly TimeSpan ArrivalTolerance = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Judges the stamps. A sender writes whatever headers it likes before transport adds this tenant's, so a stamp
    /// that disagrees is only forgery when no consistent stamp of this tenant is there as well: an outside sender
    /// can add stamps, never take transport's away. A header block cut at the scan budget hides stamps, so it
    /// proves nothing either way.
    /// </summary>
    /// <param name="exchangeDomains">Where the tenant's Exchange Online hosts live: <c>outlook.com</c> unless a sovereign cloud's.</param>
    /// <param name="headersCut">Header lines were dropped to fit the scan budget (<see cref="LoadedMime.HeadersCut"/>).</param>
    /// <param name="checksSenders">Transport's check of the sender's domain is read (<see cref="TenantOptions.TransportChecksSenders"/>).</param>
    public static TransportProvenance Judge(MimeMessage message, string tenantId, DateTimeOffset? receivedAt, IReadOnlyCollection<string>? exchangeDomains = null, bool headersCut = false, bool checksSenders = true)
    {
        if (string.IsNullOrWhiteSpace(tenantId)) return new(TransportPath.Unknown, "no tenant id is configured");
        if (headersCut)
        {
            return new(TransportPath.Unknown, "its header block was larger than the scan budget, so the stamps cannot all be read");
        }

        var stampedTenants = Values(message, CrossTenantId).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (stampedTenants.Count == 0)
        {
            return new(TransportPath.Bypassed, "it carries no stamp of this tenant's transport");
        }
        if (!stampedTenants.Contains(tenantId, StringComparer.OrdinalIgnoreCase))
        {
            return new(TransportPath.Bypassed, $"its transport stamp names another tenant ({stampedTenants[0]})");
        }

        var arrivals = Values(message, ArrivalTime).Select(ParseArrival).OfType<DateTimeOffset>().ToList();
        if (arrivals.Count == 0) return new(TransportPath.Forged, "its stamp has no readable original arrival time");
        // Transport stamps the arrival before the store files the message: mail released from quarantine or
        // otherwise delivered late arrives long after its stamp. A stamp later than the store's time is impossible.
        if (receivedAt is { } stored && !arrivals.Any(arrival => arrival - stored <= ArrivalTolerance))
        {
            var earliest = arrivals.Min();
            return new(TransportPath.Forged, $"its stamped arrival {earliest:u} is {(earliest - stored).TotalMinutes:F0} min after the store's {stored:u}");
        }
        var organizationIds = Values(message, OrganizationNetworkId).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var crossTenantNetworkIds = Values(message, CrossTenantNetworkId).ToList();
        if (organizationIds.Count > 0 && crossTenantNetworkIds.Count > 0 && !crossTenantNetworkIds.Any(organizationIds.Contains))
        {
            return new(TransportPath.Forged, "its two network message ids disagree");
        }
        var domains = exchangeDomains is { Count: > 0 } ? exchangeDomains : TenantOptions.WorldwideExchangeDomains;
        if (!message.Headers.Any(h => IsExchangeHop(h, domains)))
        {
            return new(TransportPath.Forged, "it has no Received hop through Exchange Online");
        }
        if (IsInternal(message))
        {
            return new(TransportPath.Transported, "it carries this tenant's transport stamps for a sender signed in to the tenant", SentInternally: true)
            {
                Sender = SenderAuthentication.Passed, SenderEvidence = "sent by an account signed in to this tenant",
            };
        }
        var (sender, evidence) = checksSenders ? CheckedSender(message, domains)
            : (SenderAuthentication.Unknown, "this tenant's transport checks another gateway, not the sender (Tenant:TransportChecksSenders is off)");
        return new(TransportPath.Transported, "it carries this tenant's transport stamps") { Sender = sender, SenderEvidence = evidence };
    }

    // Transport writes its Authentication-Results above its own Received hops, and a sender's headers all sit below
    // the first server that took the message: only the topmost such header, above a hop through Exchange Online, is
    // this tenant's. Composite authentication is Exchange Online's verdict on the From domain; DMARC stands in
    // where it is missing.
    private static (SenderAuthentication, string) CheckedSender(MimeMessage message, IReadOnlyCollection<string> exchangeDomains)
    {
        var top = message.Headers.IndexOf("Authentication-Results");
        if (top < 0 || !message.Headers.Skip(top + 1).Any(h => IsExchangeHop(h, exchangeDomains)))
        {
            return (SenderAuthentication.Unknown, "this tenant's transport wrote no Authentication-Results");
        }
        var results = message.Headers[top].Value;
        var check = CompositeAuthentication().Match(results) is { Success: true } composite ? composite : Dmarc().Match(results);
        if (!check.Success) return (SenderAuthentication.Unknown, "this tenant's transport gave no composite authentication or DMARC result");
        return check.Groups["result"].Value.ToLowerInvariant() switch
        {
            "pass" => (SenderAuthentication.Passed, check.Value),
            "fail" => (SenderAuthentication.Failed, check.Value),
            _ => (SenderAuthentication.Unknown, check.Value),
        };
    }

    [GeneratedRegex(@"\bcompauth=(?<result>\w+)(\s+reason=\d+)?", LinearRegex.Options | RegexOptions.IgnoreCase)]
    private static partial Regex CompositeAuthentication();

    [GeneratedRegex(@"\bdmarc=(?<result>\w+)", LinearRegex.Options | RegexOptions.IgnoreCase)]
    private static partial Regex Dmarc();

    private static bool IsExchangeHop(Header header, IReadOnlyCollection<string> exchangeDomains) =>
        header.Id == HeaderId.Received && exchangeDomains.Any(d => header.Value.Contains($".{d}", StringComparison.OrdinalIgnoreCase));

    private static bool IsInternal(MimeMessage message)
    {
        var authAs = Values(message, OrganizationAuthAs).Concat(Values(message, CrossTenantAuthAs)).ToList();
        return authAs.Count > 0 && authAs.All(value => value.Equals("Internal", StringComparison.OrdinalIgnoreCase));
    }

    private static IEnumerable<string> Values(MimeMessage message, string field) =>
        message.Headers.Where(h => h.Field.Equals(field, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value.Trim());

    private static DateTimeOffset? ParseArrival(string value)
    {
        var text = value.Replace("(UTC)", "", StringComparison.Ordinal).Trim();
        return DateTimeOffset.TryParseExact(text, ["dd MMM yyyy HH:mm:ss.ffff", "dd MMM yyyy HH:mm:ss.fff", "dd MMM yyyy HH:mm:ss"],
            CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var arrival) ? arrival : null;
    }
}
