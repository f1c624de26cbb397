namespace Remediation.Core.Scanning.Attachments;

/// <summary>
/// QR codes a PDF draws as shapes rather than as an image, which no image reader sees: each module, or each run of
/// modules, a filled rectangle, a filled path (a round dot or a rounded module too) or a stroked line (see
/// <see cref="PdfDrawing"/>). Where the rectangles a
/// content stream paints look like a code (<see cref="DrawnCodes"/>), they are painted and read like an image. The
/// streams it reads are also where images written inline are (<see cref="PdfInlineImages"/>).
/// </summary>
internal static class PdfDrawnCodes
{
    // What one file's streams, compressed or not, are read to together.
    private const int MaxContentBytes = 4 * 1024 * 1024;

    // Keys of colour profiles, object lists and embedded files, which draw nothing either; fonts and the like are
    // PdfLinks' to tell.
    private static readonly byte[][] NotDrawings =
    [
        .. new[] { "/N ", "/N\n", "/ObjStm", "/EmbeddedFile" }.Select(System.Text.Encoding.ASCII.GetBytes),
    ];

    /// <summary>The file's streams that may draw, their filters undone, up to a size for all of them together.</summary>
    public static IEnumerable<byte[]> Contents(ReadOnlyMemory<byte> pdf)
    {
        var contentBytes = MaxContentBytes;
        foreach (var (dictionary, body) in PdfLinks.Contents(pdf))
        {
            if (contentBytes <= 0) yield break;
            if (HoldsNoDrawing(pdf.Span[dictionary])) continue;
            var content = PdfLinks.Decoded(pdf.Span[dictionary], pdf.Span[body], contentBytes);
            contentBytes -= content.Length;
            yield return content;
        }
    }

    /// <returns>What the code a content stream draws says, or null when its shapes draw none: nothing was decoded.</returns>
    public static IReadOnlyList<string>? In(byte[] content, int maxPixels) =>
        DrawsShapes(content) ? DrawnCodes.In(PdfDrawing.Fills(content, DrawnCodes.MaxRectangles), maxPixels) : null;

    private static bool HoldsNoDrawing(ReadOnlySpan<byte> beforeStream) =>
        PdfLinks.HoldsFontOrIndex(beforeStream) || PdfLinks.DictionaryHasAny(beforeStream, NotDrawings);

    // Whether the stream names the operators that draw modules ("re", and "l" and "c" for paths) often enough to draw a
    // code: most streams (text, fonts, object lists) are passed over at the cost of a search.
    private static bool DrawsShapes(ReadOnlySpan<byte> content)
    {
        var found = 0;
        for (var at = 1; at < content.Length - 1 && found < DrawnCodes.MinRectangles; at++)
        {
            var next = content[at..].IndexOfAny((byte)'r', (byte)'l', (byte)'c');
            if (next < 0) break;
            at += next;
            var length = content[at] == 'r' ? 2 : 1;
            if (length == 2 && (at + 1 == content.Length || content[at + 1] != 'e')) continue;
            if (PdfDrawing.IsWhiteSpace(content[at - 1]) && (at + length == content.Length || PdfDrawing.IsWhiteSpace(content[at + length]))) found++;
        }
        return found >= DrawnCodes.MinRectangles;
    }
}
