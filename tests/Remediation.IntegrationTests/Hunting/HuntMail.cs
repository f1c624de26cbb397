using Remediation.Testing;

namespace Remediation.IntegrationTests.Hunting;

/// <summary>Mail that is clean when delivered and links to a domain the SOC learns about later.</summary>
internal static class HuntMail
{
    public const string LaterBadDomain = "later-bad.example";

    // Fingerprints ignore numbers: each edition is named in words, so each is a content of its own.
    private static readonly string[] Editions =
        ["amber", "birch", "cedar", "dahlia", "elm", "fern", "garnet", "hazel", "iris", "juniper", "kestrel", "larch", "maple", "nettle", "olive"];

    /// <summary>A partner's update: clean on its own; <paramref name="number"/> (up to 15) makes each edition's content its own.</summary>
    public static string Update(string domain, int number, IEnumerable<string> users) => SampleMail.Build(
        "Partner Updates <updates@partner.example>",
        users.Select(u => $"{u}@{domain}"),
        $"Product update: the {Editions[number - 1]} edition",
        $"Hello,\n\nThe {Editions[number - 1]} edition of our product update is out, with the release notes for this month's version:\n\nhttps://news.{LaterBadDomain}/updates/{number}\n\nThe Partner team");
}
