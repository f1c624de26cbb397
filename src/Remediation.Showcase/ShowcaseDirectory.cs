using Remediation.TenantSimulator;

namespace Remediation.Showcase;

/// <summary>
/// The showcase tenant's directory beyond its mailboxes, as untidy as a real one: the phishing campaign goes to a
/// distribution list with a nested list and a guest in it, ordinary mail reaches an alias and a Microsoft 365 group,
/// and one user has no mailbox at all.
/// </summary>
internal static class ShowcaseDirectory
{
    /// <summary>The distribution list the credential-phishing campaign is sent to.</summary>
    public const string CampaignList = "customer-service";

    /// <summary>A Microsoft 365 group some ordinary mail is sent to.</summary>
    public const string Announcements = "announcements";

    /// <summary>An alias of the first mailbox, which some ordinary mail is sent to.</summary>
    public const string Alias = "reception";

    /// <summary>A guest: listed among the users, without an Exchange mailbox.</summary>
    public const string Guest = "partner_fabrikam.example#EXT#";

    // The group's members: the first mailboxes of the tenant.
    public const int AnnouncementsMembers = 12;

    /// <param name="users">Every mailbox's user name, in order.</param>
    /// <param name="campaignRecipients">The users the campaign reaches through the list: half directly, half through a nested list.</param>
    public static void Shape(SimulatedTenant tenant, string domain, IReadOnlyList<string> users, IReadOnlyList<string> campaignRecipients)
    {
        SimulatedMailbox Mailbox(string user) => tenant.FindMailbox($"{user}@{domain}")!;
        var guest = tenant.AddMailbox($"{Guest}@{domain}", "Fabrikam Partner (Guest)", MailboxAccess.NotEnabled);
        tenant.AddAlias($"{users[0]}@{domain}", $"{Alias}@{domain}");

        var list = tenant.AddGroup($"{CampaignList}@{domain}", "Customer Service");
        var nested = tenant.AddGroup($"{CampaignList}-emea@{domain}", "Customer Service EMEA");
        tenant.AddMember(list, nested);
        tenant.AddMember(list, guest);
        for (var i = 0; i < campaignRecipients.Count; i++)
        {
            tenant.AddMember(i % 2 == 0 ? list : nested, Mailbox(campaignRecipients[i]));
        }

        var announcements = tenant.AddGroup($"{Announcements}@{domain}", "Announcements", GroupKind.Microsoft365);
        foreach (var user in users.Take(AnnouncementsMembers)) tenant.AddMember(announcements, Mailbox(user));
    }
}
