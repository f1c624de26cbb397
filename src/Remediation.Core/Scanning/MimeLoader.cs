using MimeKit;
using Remediation.Core.Mailboxes;

namespace Remediation.Core.Scanning;

/// <summary>A message parsed within the scan limits, and which limit, if any, it exceeded on the way.</summary>
/// <param name="HeadersCut">Header lines were dropped to fit the budget: what is missing can be anything, stamps included.</param>
public sealed record LoadedMime(MimeMessage Mime, UnscannableReason? LimitExceeded, bool HeadersCut);

/// <summary>
/// The one place MIME is parsed for scanning, without letting a message take more memory or stack than the scan
/// limits allow: at most <see cref="ScanLimits.MaxMessageBytes"/> are read, header lines past
/// <see cref="ScanLimits.MaxHeaderBytes"/> are dropped, and nesting past <see cref="ScanLimits.MaxMimeDepth"/> is
/// kept as opaque leaves.
/// </summary>
public static class MimeLoader
{
    /// <summary>Reads a stream (a file, a corpus) within the limits, then parses it.</summary>
    public static async Task<LoadedMime> LoadAsync(Stream content, ScanLimits limits, CancellationToken cancellationToken)
    {
        var (bytes, cut) = await StoredMessage.ReadContentAsync(content, limits.MaxMessageBytes, cancellationToken);
        return Load(bytes, cut, limits);
    }

    /// <param name="contentCut">The store held more than <paramref name="content"/>: the message is larger than the limit.</param>
    public static LoadedMime Load(ReadOnlyMemory<byte> content, bool contentCut, ScanLimits limits)
    {
        var (buffer, headersCut) = BoundHeaders(content, limits.MaxHeaderBytes);
        var options = new ParserOptions { MaxMimeDepth = limits.MaxMimeDepth + 1 };
        MimeMessage message;
        try
        {
            // Persistent: parts keep pointing into the buffer instead of copying their content again.
            message = MimeMessage.Load(options, buffer, persistent: true);
        }
        catch (FormatException error)
        {
            // Not MIME at all (random bytes, a cut-off header block): still a verdict, an unscannable one.
            return new(new MimeMessage(), new(ScanLimit.NotMime, $"it is not a message that can be parsed ({error.Message})"), HeadersCut: true);
        }
        UnscannableReason? limit = contentCut ? new(ScanLimit.MessageSize, $"it is larger than {Size(limits.MaxMessageBytes)}")
            : headersCut ? new(ScanLimit.HeaderSize, $"its headers are larger than {Size(limits.MaxHeaderBytes)}")
            : null;
        return new(message, limit, headersCut);
    }

    private static string Size(long bytes) =>
        bytes % (1024 * 1024) == 0 ? $"{bytes / (1024 * 1024)} MB" : bytes % 1024 == 0 ? $"{bytes / 1024} KB" : $"{bytes} bytes";

    // Parsing and every rule read headers: megabytes of them would cost far more than their size. Header lines
    // (with their folded continuations) are kept in order while they fit; the body is kept whole.
    private static (MemoryStream Buffer, bool Dropped) BoundHeaders(ReadOnlyMemory<byte> content, int maxBytes)
    {
        var bytes = content.Span;
        var end = HeaderEnd(bytes);
        if (end <= maxBytes) return (AsStream(content), false);

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

    private static MemoryStream AsStream(ReadOnlyMemory<byte> content) =>
        System.Runtime.InteropServices.MemoryMarshal.TryGetArray(content, out var array)
            ? new MemoryStream(array.Array!, array.Offset, array.Count, writable: false)
            : new MemoryStream(content.ToArray(), writable: false);
}
