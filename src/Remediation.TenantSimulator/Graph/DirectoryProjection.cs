using System.Text.Json.Nodes;
using Remediation.TenantSimulator.Model;

namespace Remediation.TenantSimulator.Graph;

/// <summary>The Graph <c>user</c>, <c>group</c>, <c>orgContact</c> and <c>mailFolder</c> resources.</summary>
internal static class DirectoryProjection
{
    public const string UserType = "#microsoft.graph.user";

    public static JsonObject User(SimulatedMailbox mailbox, Selection select)
    {
        var json = Properties(select, mailbox.Id,
            ("displayName", mailbox.DisplayName),
            ("mail", mailbox.Mail),
            ("userPrincipalName", mailbox.UserPrincipalName));
        // A user's proxyAddresses come only when selected (https://learn.microsoft.com/graph/api/resources/user).
        if (select.Names("proxyAddresses"))
        {
            json["proxyAddresses"] = ProxyAddresses(mailbox.Addresses);
        }

        // Like proxyAddresses, accountEnabled is not among a user's default properties.
        if (select.Names("accountEnabled"))
        {
            json["accountEnabled"] = mailbox.AccountEnabled;
        }

        return json;
    }

    /// <summary>A group as https://learn.microsoft.com/graph/api/resources/group shows it; its proxyAddresses come by default.</summary>
    public static JsonObject Group(SimulatedGroup group, Selection select)
    {
        var json = Properties(select, group.Id,
            ("displayName", group.DisplayName),
            ("mail", group.Addresses.Primary),
            ("mailNickname", group.Addresses.Primary.Split('@')[0]));
        foreach (var (name, value) in new (string, JsonNode)[]
        {
            ("groupTypes", group.Kind == GroupKind.Microsoft365 ? new JsonArray("Unified") : new JsonArray()),
            ("mailEnabled", true),
            ("securityEnabled", group.Kind == GroupKind.MailEnabledSecurity),
            ("proxyAddresses", ProxyAddresses(group.Addresses)),
        })
        {
            if (select.Includes(name))
            {
                json[name] = value;
            }
        }

        return json;
    }

    /// <summary>A mail contact as https://learn.microsoft.com/graph/api/resources/orgcontact shows it.</summary>
    public static JsonObject Contact(SimulatedContact contact, Selection select)
    {
        var json = Properties(select, contact.Id,
            ("displayName", contact.DisplayName),
            ("mail", contact.Addresses.Primary));
        if (select.Includes("proxyAddresses"))
        {
            json["proxyAddresses"] = ProxyAddresses(contact.Addresses);
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

    private static JsonObject Properties(Selection select, string id, params (string Name, string Value)[] properties)
    {
        var json = new JsonObject { ["id"] = id };
        foreach (var (name, value) in properties)
        {
            if (select.Includes(name))
            {
                json[name] = value;
            }
        }

        return json;
    }

    private static JsonArray ProxyAddresses(RecipientAddresses addresses) => new([.. addresses.ProxyAddresses.Select(a => JsonValue.Create(a))]);
}
