using System.Buffers;
using System.IO.Compression;
using System.Text;

namespace Remediation.Core.Scanning.Attachments;

/// <summary>
/// The link targets of a PDF: the <c>/URI</c> actions of its link annotations, found in the file as written and in its
/// Flate-compressed streams (object streams hold the annotations of most modern PDFs). Inflating is capped, so a
/// compression bomb costs at most the cap.
/// </summary>
internal static class PdfLinks
{
    private static readonly byte[] UriKey = "/URI"u8.ToArray();
    private static readonly byte[] StreamStart = "stream"u8.ToArray();
    private static readonly byte[] StreamEnd = "endstream"u8.ToArray();
    private static readonly byte[] ObjectStart = "obj"u8.ToArray();
    private static readonly byte[] SubtypeKey = "/Subtype"u8.ToArray();

    // How far before "stream" its dictionary is looked for: an image's dictionary is a few hundred bytes.
    private const int DictionaryReach = 1024;

    // Keys of fonts' files, cross-reference lists and metadata: after pictures the largest streams of a file, and none
    // of them holds an annotation or draws a page.
    private static readonly byte[][] FontOrIndexKeys =
    [
        .. new[] { "/Length1", "/Length2", "/Length3", "/FontFile", "/Type1C", "/CIDFontType0C", "/OpenType", "/XRef", "/Metadata" }
            .Select(Encoding.ASCII.GetBytes),
    ];

    /// <param name="inflateBudget">Bytes all inflated streams together may take.</param>
    public static IReadOnlyList<string> In(ReadOnlySpan<byte> pdf, int inflateBudget)
    {
        var links = new List<string>();
        Collect(pdf, links);
        foreach (var (dictionary, body) in Streams(pdf))
        {
            // Stryker disable once Equality : with no budget left a stream inflates to nothing.
            if (inflateBudget <= 0) break;
            // A picture's pixels hold no link and inflate to megabytes: spent on them, the budget would be gone
            // before the object stream that holds the annotations, which writers put last. Fonts are as large.
            if (IsImage(pdf[dictionary]) || HoldsFontOrIndex(pdf[dictionary])) continue;
            var inflated = Inflate(pdf[body], inflateBudget);
            inflateBudget -= inflated.Length;
            Collect(inflated, links);
        }
        return links;
    }

    /// <summary>The image streams of a PDF: where each one's dictionary (read back to its "obj") and data are.</summary>
    public static IEnumerable<(Range Dictionary, Range Body)> Images(ReadOnlyMemory<byte> pdf) =>
        Streams(pdf.Span).Where(stream => IsImage(pdf.Span[stream.Dictionary]));

    /// <summary>Every stream that is not an image, pages' and forms' contents among them: its dictionary and data.</summary>
    public static IEnumerable<(Range Dictionary, Range Body)> Contents(ReadOnlyMemory<byte> pdf) =>
        Streams(pdf.Span).Where(stream => !IsImage(pdf.Span[stream.Dictionary]));

    // Every "stream … endstream" in the file as written, with the text ahead of it where its dictionary is.
    private static List<(Range Dictionary, Range Body)> Streams(ReadOnlySpan<byte> pdf)
    {
        var streams = new List<(Range, Range)>();
        var from = 0;
        while (from < pdf.Length)
        {
            var start = pdf[from..].IndexOf(StreamStart);
            if (start < 0) break;
            var dictionary = Math.Max(from, from + start - DictionaryReach)..(from + start);
            start += from + StreamStart.Length;
            var end = pdf[start..].IndexOf(StreamEnd);
            if (end < 0) break;
            var data = pdf.Slice(start, end).TrimStart("\r\n"u8);
            streams.Add((dictionary, (start + end - data.Length)..(start + end)));
            from = start + end + StreamEnd.Length;
        }
        return streams;
    }

    /// <summary>Whether the stream's dictionary, read from its object's "obj", is a font file's, a cross-reference list's or metadata's.</summary>
    internal static bool HoldsFontOrIndex(ReadOnlySpan<byte> beforeStream) => DictionaryHasAny(beforeStream, FontOrIndexKeys);

    /// <summary>Whether the stream's dictionary, read from its object's "obj", names any of the keys.</summary>
    internal static bool DictionaryHasAny(ReadOnlySpan<byte> beforeStream, byte[][] keys)
    {
        var dictionary = OwnDictionary(beforeStream);
        foreach (var key in keys)
        {
            if (dictionary.IndexOf(key) >= 0) return true;
        }
        return false;
    }

    /// <summary>Whether the stream's dictionary, read from its object's "obj", says "/Subtype /Image".</summary>
    private static bool IsImage(ReadOnlySpan<byte> beforeStream)
    {
        var dictionary = OwnDictionary(beforeStream);
        var subtype = dictionary.IndexOf(SubtypeKey);
        if (subtype < 0) return false;
        var value = dictionary[(subtype + SubtypeKey.Length)..].TrimStart(" \r\n"u8);
        return value.StartsWith("/Image"u8) && (value.Length == 6 || !char.IsAsciiLetterOrDigit((char)value[6]));
    }

    /// <summary>The text ahead of a stream from its object's "obj" on: a neighbour's keys are not this stream's.</summary>
    internal static ReadOnlySpan<byte> OwnDictionary(ReadOnlySpan<byte> beforeStream)
    {
        var objectAt = beforeStream.LastIndexOf(ObjectStart);
        return objectAt < 0 ? beforeStream : beforeStream[(objectAt + ObjectStart.Length)..];
    }

    // "/URI (https://…)" or "/URI(https://…)"; the string's escapes are rare in URLs and left as written. Targets of
    // every scheme are kept: the message keeps the web links among all it collects.
    private static void Collect(ReadOnlySpan<byte> content, List<string> links)
    {
        var from = 0;
        while (
            // Stryker disable once Equality : from the end of the content no key is found and the search stops all the same.
            from < content.Length)
        {
            var key = content[from..].IndexOf(UriKey);
            if (key < 0) return;
            var at = from + key + UriKey.Length;
            while (at < content.Length && content[at] is (byte)' ' or (byte)'\r' or (byte)'\n') at++;
            from = at;
            if (at >= content.Length || content[at] != '(') continue;
            var close = content[(at + 1)..].IndexOf((byte)')');
            if (close < 0) return;
            links.Add(Encoding.Latin1.GetString(content.Slice(at + 1, close)));
            from = at + 1 + close;
        }
    }

    /// <summary>
    /// The bytes hex digits stand for, a hex string's or an ASCIIHex-encoded stream's, up to a closing "&gt;": white
    /// space and stray characters ignored, a missing last digit read as 0, as the format says.
    /// </summary>
    internal static byte[] AsciiHex(string encoded)
    {
        var end = encoded.IndexOf('>', StringComparison.Ordinal);
        var digits = string.Concat((end < 0 ? encoded : encoded[..end]).Where(char.IsAsciiHexDigit));
        return Convert.FromHexString(digits.Length % 2 == 0 ? digits : digits + "0");
    }

    /// <summary>
    /// The bytes an ASCII85-encoded stream stands for (ReportLab writes its pages so, ahead of Flate), up to its "~>"
    /// end or the first character no encoder writes.
    /// </summary>
    internal static byte[] Ascii85(ReadOnlySpan<byte> encoded)
    {
        var decoded = new List<byte>(encoded.Length * 4 / 5);
        Span<byte> group = stackalloc byte[5];
        var filled = 0;
        foreach (var c in encoded)
        {
            if (c is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or (byte)'\f' or 0) continue;
            if (c == 'z' && filled == 0)
            {
                decoded.AddRange([0, 0, 0, 0]);
                continue;
            }
            if (c is < (byte)'!' or > (byte)'u') break;
            group[filled++] = c;
            if (filled < 5) continue;
            AddGroup(group, 4, decoded);
            filled = 0;
        }
        // A last group of n characters, padded with 'u', stands for n - 1 bytes.
        if (filled > 1)
        {
            group[filled..].Fill((byte)'u');
            AddGroup(group, filled - 1, decoded);
        }
        return [.. decoded];
    }

    private static void AddGroup(ReadOnlySpan<byte> group, int bytes, List<byte> decoded)
    {
        var value = 0u;
        foreach (var c in group) value = unchecked((value * 85) + (uint)(c - '!'));
        for (var i = 0; i < bytes; i++) decoded.Add((byte)(value >> (24 - (8 * i))));
    }

    /// <summary>
    /// At most <paramref name="budget"/> bytes of a stream's data as its filters leave it: ASCII85 then Flate, either,
    /// or none.
    /// </summary>
    internal static byte[] Decoded(ReadOnlySpan<byte> dictionary, ReadOnlySpan<byte> stream, int budget)
    {
        ReadOnlySpan<byte> data = dictionary.IndexOf("/ASCII85Decode"u8) >= 0 ? Ascii85(stream) : stream;
        var inflated = Inflate(data, budget);
        return inflated.Length > 0 ? inflated : data[..Math.Min(data.Length, budget)].ToArray();
    }

    /// <summary>At most <paramref name="budget"/> bytes of a Flate stream; nothing when it is not one.</summary>
    internal static byte[] Inflate(ReadOnlySpan<byte> compressed, int budget)
    {
        try
        {
            using var input = new MemoryStream(compressed.ToArray());
            using var zlib = new ZLibStream(input, CompressionMode.Decompress);
            // A file has hundreds of streams, most of them small: a buffer of its own for each, let alone one of a
            // megabyte, cost more than inflating them.
            var buffer = ArrayPool<byte>.Shared.Rent(Math.Clamp(budget, 1, 64 * 1024));
            try
            {
                using var output = new MemoryStream();
                int read;
                while (output.Length < budget && (read = zlib.Read(buffer, 0, (int)Math.Min(buffer.Length, budget - output.Length))) > 0)
                {
                    output.Write(buffer, 0, read);
                }
                return output.ToArray();
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
        catch (InvalidDataException)
        {
            // Not Flate, or broken: nothing to read in it.
            return [];
        }
    }
}
