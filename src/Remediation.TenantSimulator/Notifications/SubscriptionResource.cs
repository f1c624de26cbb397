using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Remediation.TenantSimulator.Notifications;

/// <summary>
/// The mail resources a subscription can watch: <c>users/{id or UPN}/messages</c> (the whole mailbox) and
/// <c>users/{id}/mailFolders('{folder}')/messages</c> or <c>users/{id}/mailFolders/{folder}/messages</c>.
/// </summary>
internal static partial class SubscriptionResource
{
    public static bool TryResolve(
        string resource, SimulatedTenant tenant, [NotNullWhen(true)] out SimulatedMailbox? mailbox, out string? folderId, [NotNullWhen(false)] out string? error)
    {
        mailbox = null;
        folderId = null;
        var match = Pattern().Match(resource);
        if (!match.Success)
        {
            error = $"Unsupported resource '{resource}'.";
            return false;
        }

        var user = match.Groups["user"].Value;
        mailbox = tenant.FindMailbox(user);
        if (mailbox is null)
        {
            error = $"The requested user '{user}' is invalid.";
            return false;
        }

        if (match.Groups["folder"].Success)
        {
            folderId = mailbox.FindFolder(match.Groups["folder"].Value)?.Id;
            if (folderId is null)
            {
                error = $"The folder in '{resource}' was not found.";
                mailbox = null;
                return false;
            }
        }

        error = null;
        return true;
    }

    [GeneratedRegex(@"^/?users(?:/(?<user>[^/()']+)|\('(?<user>[^']+)'\))/(?:mailFolders(?:\('(?<folder>[^']+)'\)|/(?<folder>[^/]+))/)?messages$", RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();
}
