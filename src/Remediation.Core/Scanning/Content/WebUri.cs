namespace Remediation.Core.Scanning.Content;

/// <summary>
/// Web addresses whose host reads. .NET parses a host such as "xn--café.example" (an A-label holding a letter no A-label
/// has) and throws only when its IDN form is read: such a link leads nowhere a browser goes, and kept, one invisible
/// anchor would fail whatever reads link hosts, the rules and the fingerprint a remediation waits for.
/// </summary>
internal static class WebUri
{
    /// <summary>The http or https address, or null when it is none or its host does not read.</summary>
    public static Uri? Parse(string? candidate) =>
        Uri.TryCreate(candidate, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && IdnHostOf(uri) is not null ? uri : null;

    /// <summary>The host in its IDN (ASCII) form, or null when it does not read.</summary>
    public static string? IdnHostOf(Uri uri)
    {
        try
        {
            return uri.IdnHost;
        }
        catch (UriFormatException)
        {
            return null;
        }
    }
}
