using MimeKit;
using Remediation.Core.Scanning;
using Remediation.Core.Scanning.Content;
using Remediation.Core.Scanning.Corpus;

namespace Remediation.Cli.Corpus;

/// <summary>One .eml file of a folder measured with an expected label, and the language it is written in.</summary>
internal sealed record FolderMessage(string File, byte[] Raw)
{
    public string Language { get; init; } = LanguageGuess.Unknown;
}

/// <summary>Reads every .eml file under a folder, in a stable order, and tells each one's language.</summary>
internal static class LabelledFolder
{
    public static async Task<List<FolderMessage>> ReadAsync(string folder, bool languageFromHeader, LocalScanner scanner, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"No folder {folder}.");
        var messages = new List<FolderMessage>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.eml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var raw = await File.ReadAllBytesAsync(file, cancellationToken);
            var input = await TimedScan.ReadAsync(scanner, raw, cancellationToken);
            messages.Add(new FolderMessage(Path.GetRelativePath(folder, file), raw) { Language = LanguageOf(input, languageFromHeader, scanner.Limits) });
        }
        return messages;
    }

    // The sender's Content-Language, when asked for and present, is cheaper and usually right; the text decides otherwise.
    private static string LanguageOf(ScanInput input, bool fromHeader, ScanLimits limits)
    {
        // MimeKit files a message's Content-* headers with its body.
        var header = input.Mime.Headers[HeaderId.ContentLanguage] ?? input.Mime.Body?.Headers[HeaderId.ContentLanguage];
        if (fromHeader && header is not null && PrimaryTag(header) is { } tag) return tag;
        return LanguageGuess.Of(ScannedMessage.Read(input, limits, tenantId: "").SubjectAndText);
    }

    private static string? PrimaryTag(string header)
    {
        var first = header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
        var tag = first.Split('-')[0].ToLowerInvariant();
        return tag.Length is 2 or 3 && tag.All(char.IsAsciiLetterLower) ? tag : null;
    }
}
