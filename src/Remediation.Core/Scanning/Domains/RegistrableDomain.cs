namespace Remediation.Core.Scanning.Domains;

/// <summary>The part of a host name an organisation registers (<c>mail.contoso.co.uk</c> → <c>contoso.co.uk</c>).</summary>
internal static class RegistrableDomain
{
    /// <summary>DNS caps a host name at 253 characters: a longer one reaches nothing.</summary>
    public const int MaxHostLength = 253;

    // Without the full public suffix list: country registries that sell names one level down under these labels.
    private static readonly HashSet<string> SecondLevelRegistries = new(StringComparer.OrdinalIgnoreCase)
    {
        "ac", "co", "com", "edu", "gov", "ne", "net", "or", "org", "gob", "nic", "mil",
    };

    public static string Of(string host)
    {
        var name = host.Trim().TrimEnd('.').ToLowerInvariant();
        var last = name.LastIndexOf('.');
        if (last <= 0) return name;
        var second = name.LastIndexOf('.', last - 1);
        if (second < 0) return name;
        var topLevel = name.AsSpan(last + 1);
        var secondLevel = name[(second + 1)..last];
        if (topLevel.Length == 2 && SecondLevelRegistries.Contains(secondLevel))
        {
            var third = name.LastIndexOf('.', second - 1);
            return third < 0 ? name : name[(third + 1)..];
        }
        return name[(second + 1)..];
    }

    /// <summary>The registered name without its public suffix (<c>contoso.co.uk</c> → <c>contoso</c>).</summary>
    public static string LabelOf(string host)
    {
        var domain = Of(host);
        var dot = domain.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? domain : domain[..dot];
    }
}
