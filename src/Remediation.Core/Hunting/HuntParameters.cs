using System.Globalization;

namespace Remediation.Core.Hunting;

/// <summary>
/// A hunt as the SOC asks for one (the admin endpoint's query, the CLI's options): exactly one of
/// <c>url-domain</c>, <c>sender</c>, <c>sha256</c> or <c>fingerprint</c>; <c>since</c> as a window (<c>7d</c>,
/// <c>48h</c>, <c>30m</c>); <c>report-only</c>.
/// </summary>
public sealed record HuntParameters(Indicator Indicator, TimeSpan Window, bool ReportOnly)
{
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(90);

    private static readonly (string Name, Func<string, Indicator> Make)[] Kinds =
    [
        ("url-domain", Indicator.UrlDomain), ("sender", Indicator.Sender), ("sha256", Indicator.AttachmentSha256), ("fingerprint", Indicator.Fingerprint),
    ];

    /// <exception cref="ArgumentException">The parameters do not describe a hunt; the message says why.</exception>
    public static HuntParameters Parse(Func<string, string?> parameter, TimeSpan defaultWindow)
    {
        var given = Kinds.Select(k => (k.Make, Value: parameter(k.Name))).Where(k => !string.IsNullOrWhiteSpace(k.Value)).ToList();
        if (given.Count != 1)
        {
            throw new ArgumentException($"Name exactly one indicator: {string.Join(", ", Kinds.Select(k => k.Name))}.");
        }
        var window = parameter("since") is { Length: > 0 } since ? ParseWindow(since) : defaultWindow;
        var reportOnly = parameter("report-only") is { Length: > 0 } flag
            && (flag.Equals("true", StringComparison.OrdinalIgnoreCase) || flag == "1"
                || (!flag.Equals("false", StringComparison.OrdinalIgnoreCase) && flag != "0" ? throw new ArgumentException("report-only is true or false.") : false));
        return new HuntParameters(given[0].Make(given[0].Value!), window, reportOnly);
    }

    private static TimeSpan ParseWindow(string text)
    {
        var unit = text[^1];
        if (!int.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count <= 0)
        {
            throw new ArgumentException($"since \"{text}\" is not a window such as 7d, 48h or 30m.");
        }
        var window = char.ToLowerInvariant(unit) switch
        {
            'd' => TimeSpan.FromDays(count),
            'h' => TimeSpan.FromHours(count),
            'm' => TimeSpan.FromMinutes(count),
            _ => throw new ArgumentException($"since \"{text}\" is not a window such as 7d, 48h or 30m."),
        };
        return window <= MaxWindow ? window : throw new ArgumentException($"since reaches back at most {MaxWindow.TotalDays} days.");
    }
}
