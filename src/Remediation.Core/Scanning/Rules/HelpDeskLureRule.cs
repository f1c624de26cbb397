using System.Text.RegularExpressions;
using Remediation.Core.Scanning.Brands;
using Remediation.Core.Scanning.Domains;
using Remediation.Core.Scanning.Lures;

namespace Remediation.Core.Scanning.Rules;

/// <summary>
/// A lure sent as a ticket of a hosted help desk (x.zendesk.com, x.freshdesk.com) by a sender that does not give the
/// desk's name. Anyone can open a desk on these platforms in minutes and have it mail any address a ticket "created on
/// your behalf", with the platform's good name on every hop. A company's desk signs with its own name ("Contoso
/// Support" at contoso.zendesk.com); a "Wallet Security" at pcpilrjf.zendesk.com is someone else's desk speaking for a
/// third party. Only with a lure's words: a desk's ordinary answers name no account to verify or balance to claim.
/// </summary>
public sealed class HelpDeskLureRule : IScanRule
{
    public const string Name = "HELP_DESK_LURE";

    private static readonly DomainList Platforms = new(["zendesk.com", "freshdesk.com", "zohodesk.com", "zohodesk.eu", "zohodesk.in", "kayako.com", "happyfox.com"]);

    private static readonly Func<string, Match>[] Lures =
        [LureLexicon.Account, LureLexicon.Payment, LureLexicon.Prize, LureLexicon.Crypto, LureLexicon.Delivery];

    public IEnumerable<RuleHit> Evaluate(ScannedMessage message)
    {
        foreach (var sender in message.Senders)
        {
            if (Platforms.Match(sender.Domain) is not { } platform || sender.Domain.Length <= platform.Length + 1) continue;
            var desk = sender.Domain[..^(platform.Length + 1)];
            if (SignsForTheDesk(sender.Name, desk)) continue;
            if (Lures.Select(lure => lure(message.FoldedWording)).FirstOrDefault(m => m.Success) is not { } words) yield break;
            var by = string.IsNullOrWhiteSpace(sender.Name) ? "without a sender name" : $"by \"{sender.Name}\", which is not the desk's name";
            yield return new RuleHit(Name, 2, ThreatCategory.Clean,
                $"Sent through the help desk {sender.Domain} {by}, with a lure (\"{words.Value}\"): anyone can open a desk on {platform} and have it mail any address.");
            yield break;
        }
    }

    // "Contoso Support" or "Contoso-IT Helpdesk" at contoso.zendesk.com or contoso-it.zendesk.com.
    private static bool SignsForTheDesk(string? name, string desk)
    {
        var label = BrandText.Words(desk.Split('.')[^1]).Replace(" ", "", StringComparison.Ordinal);
        // Stryker disable once String : a parsed address's name is empty when absent, never null
        var words = BrandText.Words(name ?? "");
        return label.Length > 0 && (words.Replace(" ", "", StringComparison.Ordinal).Contains(label, StringComparison.Ordinal)
            || words.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(w => w.Length >= 4 && label.Contains(w, StringComparison.Ordinal)));
    }
}
