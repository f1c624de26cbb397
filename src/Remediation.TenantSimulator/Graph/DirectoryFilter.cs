using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Remediation.TenantSimulator.Graph;

/// <summary>
/// The <c>$filter</c> clauses the simulator understands on users, groups and contacts, the two that find a recipient by
/// address and that Graph supports without advanced query parameters
/// (https://learn.microsoft.com/graph/aad-advanced-queries): <c>proxyAddresses/any(x:x eq 'smtp:…')</c> and
/// <c>mail eq '…'</c>. Directory strings compare without regard to case, so <c>smtp:</c> also finds the <c>SMTP:</c> primary.
/// </summary>
/// <param name="Address">The SMTP address the clause names, by which the address book finds the one candidate; null for no filter.</param>
/// <param name="Matches">Whether a candidate's addresses satisfy the clause.</param>
internal sealed partial record DirectoryFilter(string? Address, Func<RecipientAddresses, bool> Matches)
{
    private const string SmtpPrefix = "smtp:";

    public static bool TryParse(string? filter, [NotNullWhen(true)] out DirectoryFilter? parsed, [NotNullWhen(false)] out string? error)
    {
        parsed = null;
        error = null;
        if (string.IsNullOrWhiteSpace(filter))
        {
            parsed = new DirectoryFilter(null, _ => true);
            return true;
        }

        if (ProxyAddressClause().Match(filter) is { Success: true } any && ODataLiteral.TryReadString(any.Groups["literal"].Value, out var proxy))
        {
            var address = proxy.StartsWith(SmtpPrefix, StringComparison.OrdinalIgnoreCase) ? proxy[SmtpPrefix.Length..] : proxy;
            parsed = new DirectoryFilter(address, a => a.ProxyAddresses.Contains(proxy, StringComparer.OrdinalIgnoreCase));
            return true;
        }

        if (MailClause().Match(filter) is { Success: true } mail && ODataLiteral.TryReadString(mail.Groups["literal"].Value, out var primary))
        {
            parsed = new DirectoryFilter(primary, a => string.Equals(a.Primary, primary, StringComparison.OrdinalIgnoreCase));
            return true;
        }

        error = $"Unsupported or invalid query filter clause specified: '{filter}'.";
        return false;
    }

    [GeneratedRegex(@"^\s*proxyAddresses/any\(\s*(?<var>\w+)\s*:\s*\k<var>\s+eq\s+(?<literal>'.*')\s*\)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex ProxyAddressClause();

    [GeneratedRegex(@"^\s*mail\s+eq\s+(?<literal>'.*')\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex MailClause();
}
