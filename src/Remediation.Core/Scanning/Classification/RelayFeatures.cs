using System.Net;
using System.Text.RegularExpressions;
using Remediation.Core.Scanning.Content;
using MimeKit;
using Remediation.Core.Scanning.Domains;

namespace Remediation.Core.Scanning.Classification;

/// <summary>
/// Anomalies in the relays that handed the message on, as SpamAssassin's local rules read them: a client that greets
/// with a bare IP address or a name without a dot, a client whose reverse DNS looks like a home connection or
/// disagrees with its greeting, one the receiving server flagged as possibly forged. Only the kind of anomaly counts,
/// not the relays' names or the number of hops, which describe a mailbox's own mail path; hops inside one machine
/// (localhost) are skipped for the same reason, and so are hops between Exchange Online's own servers. Exchange Online
/// writes no client's reverse name, so a hop it received is read for the client's greeting only: otherwise every
/// message it carried would look like one from a client without a name, which in the 2002 corpus was mostly ham.
/// </summary>
internal static partial class RelayFeatures
{
    private const int MaxHops = 12;

    // Where Exchange Online's servers are named, worldwide and in the sovereign clouds.
    private static readonly Domains.DomainList ExchangeOnlineHosts = new(["outlook.com", "office365.com", "office365.us", "outlook.cn"]);

    public static void Add(MimeMessage mime, FeatureVector vector)
    {
        var hops = 0;
        foreach (var header in mime.Headers)
        {
            if (header.Id != HeaderId.Received) continue;
            if (++hops > MaxHops) return;
            var value = Whitespace().Replace(header.Value, " ").Trim();
            if (value.Contains("127.0.0.1", StringComparison.Ordinal) || value.Contains("localhost", StringComparison.OrdinalIgnoreCase)) continue;
            if (value.Contains("may be forged", StringComparison.OrdinalIgnoreCase)) vector.Add('r', "forged");
            var match = FromClause().Match(value);
            if (!match.Success) continue;
            var helo = match.Groups["helo"].Value.Trim('[', ']');
            var byExchange = ExchangeOnlineHosts.Match(ByClause().Match(value).Groups["by"].Value) is not null;
            if (byExchange && ExchangeOnlineHosts.Match(helo) is not null) continue;
            AddClient(helo, byExchange ? "" : match.Groups["client"].Value, vector);
        }
    }

    private static void AddClient(string helo, string client, FeatureVector vector)
    {
        var heloIsAddress = IPAddress.TryParse(helo, out _);
        if (helo.Equals("unknown", StringComparison.OrdinalIgnoreCase)) vector.Add('r', "helo-unknown");
        if (heloIsAddress) vector.Add('r', "helo-address");
        else if (!helo.Contains('.', StringComparison.Ordinal)) vector.Add('r', "helo-bare");
        var reverse = client.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(p => p.Contains('.', StringComparison.Ordinal) && !p.StartsWith('[') && !IPAddress.TryParse(p.Trim('[', ']'), out _));
        if (reverse is null)
        {
            if (client.Length > 0) vector.Add('r', "reverse-none");
            return;
        }
        if (HomeConnection().IsMatch(reverse)) vector.Add('r', "reverse-dynamic");
        if (!heloIsAddress && helo.Contains('.', StringComparison.Ordinal) && RegistrableDomain.Of(helo) != RegistrableDomain.Of(reverse))
        {
            vector.Add('r', "helo-mismatch");
        }
    }

    [GeneratedRegex(@"\s+", LinearRegex.Options)]
    private static partial Regex Whitespace();

    // "from <greeting> (<reverse name> [<address>] ...)".
    [GeneratedRegex(@"^from\s+(?<helo>\S+)(?:\s+\((?<client>[^)]*)\))?", LinearRegex.Options | RegexOptions.IgnoreCase)]
    private static partial Regex FromClause();

    [GeneratedRegex(@"\sby\s+(?<by>[^\s;()]+)", LinearRegex.Options | RegexOptions.IgnoreCase)]
    private static partial Regex ByClause();

    // Names that ISPs give to dial-up, DSL and cable customers: the address spelled out, or words such as "dsl", "pool".
    [GeneratedRegex(@"\d{1,3}[-.]\d{1,3}[-.]\d{1,3}|dsl|dial|cable|pool|dyn|ppp|client|user|host\d", LinearRegex.Options | RegexOptions.IgnoreCase)]
    private static partial Regex HomeConnection();
}
