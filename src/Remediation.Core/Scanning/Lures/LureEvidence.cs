using System.Text.RegularExpressions;

namespace Remediation.Core.Scanning.Lures;

/// <summary>What every lure rule needs besides its words: somewhere to send the reader, and the pressure to go there.</summary>
internal static class LureEvidence
{
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
        var words = topic(message.FoldedSubjectAndText);
        if (!words.Success) yield break;
        var urgency = message.Urgency;
        if (urgency.Success)
        {
            yield return new RuleHit(rule, pressed, category, $"{asks} (\"{words.Value}\") under pressure (\"{urgency.Value}\"), with a link.");
        }
        else if (unpressed is { } weight)
        {
            yield return new RuleHit(rule, weight, category, $"{asks} (\"{words.Value}\"), with a link.");
        }
    }
}
