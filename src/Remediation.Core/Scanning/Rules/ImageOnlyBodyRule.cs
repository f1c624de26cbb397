namespace Remediation.Core.Scanning.Rules;

/// <summary>
/// An HTML body that says nothing in text: a picture and a link, and fewer than five words. The lure is painted, so
/// no word of it can be read, matched or classified: the evasion text filters invite. Newsletters that are mostly
/// pictures still carry words (a headline, a footer, an unsubscribe line).
/// </summary>
public sealed class ImageOnlyBodyRule : IScanRule
{
    public const string Name = "IMAGE_ONLY_BODY";

    private const int WordsThatSaySomething = 5;

    public IEnumerable<RuleHit> Evaluate(ScannedMessage message)
    {
        if (!message.HasHtmlBody || !message.HtmlMarkup.Contains("img") || message.Anchors.Count == 0) yield break;
        var words = message.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Count(w => w.Count(char.IsLetter) >= 2);
        if (words < WordsThatSaySomething)
        {
            yield return new RuleHit(Name, 2, ThreatCategory.Clean, $"The body shows its message as a picture with a link, and {words} words of text.");
        }
    }
}
