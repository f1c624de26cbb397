using System.Text.RegularExpressions;
using Remediation.Core.Mailboxes;
using Remediation.Core.Scanning.Domains;

namespace Remediation.Core.Scanning.Lures;

/// <summary>
/// What every lure rule needs besides its words: somewhere to send the reader, and the pressure to go there; and what
/// makes a lure weigh more, a sender no institution would use.
/// </summary>
internal static class LureEvidence
{
    /// <summary>
    /// What a lure weighs more when it comes from a personal mailbox at free mail. The sender's address is not the
    /// content, so this part is not campaign evidence.
    /// </summary>
    internal const double PersonalMailboxWeight = 1.5;

    public static bool HasLink(ScannedMessage message) => message.Links.Count > 0 || message.Anchors.Count > 0;

    /// <summary>
    /// A lure's hit when the message has a link and the topic's words: <paramref name="pressed"/> when the text also
    /// puts the reader under pressure, else <paramref name="unpressed"/> (no hit when that is null).
    /// </summary>
    /// <param name="asks">What the lure asks, as the reason begins: "Asks for a payment".</param>
    public static IEnumerable<RuleHit> Weigh(
        ScannedMessage message, Func<string, Match> topic, string rule, ThreatCategory category, double pressed, double? unpressed, string asks)
    {
        if (!HasLink(message)) yield break;
        var words = topic(message.FoldedWording);
        if (!words.Success) yield break;
        var urgency = message.Urgency;
        var (extra, from) = AroundContent(message);
        if (urgency.Success)
        {
            // "Your balance will be zeroed" is the topic and the threat in one phrase, quoted once.
            var pressure = urgency.Index == words.Index ? "" : $" (\"{urgency.Value}\")";
            yield return new RuleHit(rule, pressed + extra, category, $"{asks} (\"{words.Value}\") under pressure{pressure}, with a link{from}.") { WeightAroundContent = extra };
        }
        else if (unpressed is { } weight)
        {
            yield return new RuleHit(rule, weight + extra, category, $"{asks} (\"{words.Value}\"), with a link{from}.") { WeightAroundContent = extra };
        }
    }

    /// <summary>
    /// What a lure weighs more for being sent from a personal mailbox at free mail, and how its reason says so ("" and 0
    /// for any other sender).
    /// </summary>
    public static (double Extra, string From) AroundContent(ScannedMessage message) =>
        PersonalMailbox(message) is { } personal ? (PersonalMailboxWeight, $", from a personal mailbox at {personal}") : (0, "");

    /// <summary>
    /// The free mail domain every sender writes from, or null. A bank, a wallet or a parcel service sends its notices
    /// from its own domain; a mailbox anyone can open at gmail.com does not speak for it. A forward is the user's own
    /// mailbox passing the lure on, often to warn or report it.
    /// </summary>
    private static string? PersonalMailbox(ScannedMessage message)
    {
        var senders = message.Senders.ToList();
        if (!FreemailDomains.ContainsEvery(senders) || MessageAuthorship.IsForward(message.Mime)) return null;
        return senders[0].Domain.ToLowerInvariant();
    }
}
