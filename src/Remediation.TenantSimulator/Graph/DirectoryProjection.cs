using System.Text.Json.Nodes;
using Remediation.TenantSimulator.Model;

namespace Remediation.TenantSimulator.Graph;

/// <summary>The Graph <c>user</c> and <c>mailFolder</c> resources.</summary>
internal static class DirectoryProjection
{
    public static JsonObject User(SimulatedMailbox mailbox, Selection select)
    {
        var json = new JsonObject { ["id"] = mailbox.Id };
        foreach (var (name, value) in new[]
        {
            ("displayName", mailbox.DisplayName),
            ("mail", mailbox.Mail),
            ("userPrincipalName", mailbox.UserPrincipalName),
        })
        {
            if (select.Includes(name))
            {
                json[name] = value;
            }
        }

        if (select.Includes("proxyAddresses"))
        {
            json["proxyAddresses"] = new JsonArray($"SMTP:{mailbox.Mail}");
        }

        return json;
    }

    public static JsonObject Folder(MailFolderView view) => new()
    {
        ["id"] = view.Folder.Id,
        ["displayName"] = view.Folder.DisplayName,
        ["parentFolderId"] = view.Folder.ParentFolderId,
        ["childFolderCount"] = view.ChildFolderCount,
        ["unreadItemCount"] = view.UnreadItemCount,
        ["totalItemCount"] = view.TotalItemCount,
        ["isHidden"] = view.Folder.IsHidden,
    };
}
