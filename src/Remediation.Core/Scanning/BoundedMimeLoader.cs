using MimeKit;

namespace Remediation.Core.Scanning;

/// <summary>
/// Parses MIME without letting a message take more memory or stack than the scan limits allow: at most
/// <see cref="ScanLimits.MaxMessageBytes"/> are read, and nesting past <see cref="ScanLimits.MaxMimeDepth"/> is
/// kept as opaque leaves. A message cut short says so in a header the engine turns into the unscannable band.
/// </summary>
public static class BoundedMimeLoader
{
    // Only this loader may set the header: it removes any copy a message arrives with, so a sender cannot mark itself.
    private const string LimitHeader = "X-Remediation-Scan-Limit";
    private const string HeadersCutHeader = "X-Remediation-Headers-Cut";

    public static async Task<MimeMessage> LoadAsync(Stream content, ScanLimits limits, CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        var truncated = false;
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            var room = limits.MaxMessageBytes - buffer.Length;
            if (read > room)
            {
                buffer.Write(chunk, 0, (int)room);
                truncated = true;
                break;
            }
            buffer.Write(chunk, 0, read);
        }
        buffer.Position = 0;
        (buffer, var headersCut) = BoundHeaders(buffer, limits.MaxHeaderBytes);

        var options = new ParserOptions { MaxMimeDepth = limits.MaxMimeDepth + 1 };
        // Persistent: parts keep pointing into the buffer instead of copying their content again.
        MimeMessage message;
        try
        {
            message = await MimeMessage.LoadAsync(options, buffer, persistent: true, cancellationToken);
        }
        catch (FormatException error)
        {
            // Not MIME at all (random bytes, a cut-off header block): still a verdict, an unscannable one.
            var unreadable = new MimeMessage();
            unreadable.Headers.Add(LimitHeader, $"it is not a message that can be parsed ({error.Message})");
            unreadable.Headers.Add(HeadersCutHeader, "true");
            return unreadable;
        }
        message.Headers.RemoveAll(LimitHeader);
        message.Headers.RemoveAll(HeadersCutHeader);
        if (headersCut) message.Headers.Add(HeadersCutHeader, "true");
        var limit = truncated ? $"it is larger than {limits.MaxMessageBytes / (1024 * 1024)} MB"
            : headersCut ? $"its headers are larger than {limits.MaxHeaderBytes / 1024} KB"
            : null;
        if (limit is not null)
        {
            message.Headers.Add(LimitHeader, limit);
        }
        return message;
    }

    // Parsing and every rule read headers: megabytes of them would cost far more than their size. Header lines
    // (with their folded continuations) are kept in order while they fit; the body is kept whole.
    private static (MemoryStream Buffer, bool Dropped) BoundHeaders(MemoryStream buffer, int maxBytes)
    {
        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        var end = HeaderEnd(bytes);
        if (end <= maxBytes) return (buffer, false);

        var bounded = new MemoryStream(capacity: (int)Math.Min(bytes.Length, maxBytes + (bytes.Length - end)));
        var kept = 0;
        var keepCurrent = false;
        foreach (var range in LineRanges(bytes[..end]))
        {
            var line = bytes[range];
            var isContinuation = line.Length > 0 && (line[0] == (byte)' ' || line[0] == (byte)'\t');
            if (!isContinuation) keepCurrent = kept + line.Length <= maxBytes;
            if (!keepCurrent) continue;
            bounded.Write(line);
            kept += line.Length;
        }
        bounded.Write(bytes[end..]);
        bounded.Position = 0;
        return (bounded, true);
    }

    // Where the header block ends: at its blank line, or at the end when there is none.
    private static int HeaderEnd(ReadOnlySpan<byte> bytes)
    {
        foreach (var range in LineRanges(bytes))
        {
            var line = bytes[range];
            if (line.SequenceEqual("\r\n"u8) || line.SequenceEqual("\n"u8)) return range.Start.Value;
        }
        return bytes.Length;
    }

    private static IEnumerable<Range> LineRanges(ReadOnlySpan<byte> bytes)
    {
        var ranges = new List<Range>();
        var start = 0;
        while (start < bytes.Length)
        {
            var newline = bytes[start..].IndexOf((byte)'\n');
            var next = newline < 0 ? bytes.Length : start + newline + 1;
            ranges.Add(start..next);
            start = next;
        }
        return ranges;
    }

    /// <summary>The limit the loader recorded for a message it cut short, or null.</summary>
    internal static string? LimitRecordedIn(MimeMessage message) => message.Headers[LimitHeader];

    /// <summary>Whether header lines were dropped to fit the budget: what is missing can be anything, stamps included.</summary>
    internal static bool HeadersWereCut(MimeMessage message) => message.Headers.Contains(HeadersCutHeader);
}
