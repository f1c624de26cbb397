using System.Text;
using System.Text.RegularExpressions;
using Remediation.Core.Scanning.Content;

namespace Remediation.Core.Scanning.Attachments;

/// <summary>
/// The images a content stream carries inline (<c>BI</c> dictionary <c>ID</c> data <c>EI</c>), out of reach of a reader
/// of image objects: Ghostscript writes every small image this way, a QR code among them. Each dictionary comes back with
/// its abbreviated names written out (<c>/W</c> as <c>/Width</c>, <c>/CCF</c> as <c>/CCITTFaxDecode</c>), so it reads
/// like an image object's.
/// </summary>
internal static partial class PdfInlineImages
{
    private static readonly Dictionary<string, string> FullNames = new(StringComparer.Ordinal)
    {
        ["W"] = "Width", ["H"] = "Height", ["BPC"] = "BitsPerComponent", ["CS"] = "ColorSpace", ["F"] = "Filter",
        ["DP"] = "DecodeParms", ["IM"] = "ImageMask", ["D"] = "Decode", ["L"] = "Length",
        ["G"] = "DeviceGray", ["RGB"] = "DeviceRGB", ["CMYK"] = "DeviceCMYK",
        ["AHx"] = "ASCIIHexDecode", ["A85"] = "ASCII85Decode", ["Fl"] = "FlateDecode", ["DCT"] = "DCTDecode",
        ["CCF"] = "CCITTFaxDecode", ["RL"] = "RunLengthDecode", ["LZW"] = "LZWDecode",
    };

    public static IEnumerable<(string Dictionary, ReadOnlyMemory<byte> Data)> In(byte[] content)
    {
        for (var at = Operator(content, "BI"u8, 0); at >= 0; at = Operator(content, "BI"u8, at))
        {
            var data = Operator(content, "ID"u8, at + 2);
            if (data < 0) yield break;
            var dictionary = Expanded(Encoding.Latin1.GetString(content, at + 2, data - at - 2));
            // One white-space byte ends "ID"; the data starts after it.
            data += 3;
            var end = DataEnd(content, data, dictionary);
            if (end < 0) yield break;
            yield return (dictionary, content.AsMemory(data..end));
            at = end;
        }
    }

    // Where the data ends: by its declared length, by the size of samples no filter codes, else at the first "EI"
    // standing alone; -1 when it runs past the stream.
    private static int DataEnd(byte[] content, int data, string dictionary)
    {
        var length = PdfDictionary.Number(dictionary, "Length");
        if (length is null && !dictionary.Contains("/Filter", StringComparison.Ordinal)) length = UnfilteredLength(dictionary);
        if (length is >= 0 && data + length <= content.Length) return data + length.Value;
        return Operator(content, "EI"u8, data);
    }

    private static int? UnfilteredLength(string dictionary)
    {
        var components = dictionary.Contains("/DeviceCMYK", StringComparison.Ordinal) ? 4 : dictionary.Contains("/DeviceRGB", StringComparison.Ordinal) ? 3 : 1;
        var bits = PdfDictionary.BitsPerComponent(dictionary);
        return PdfDictionary.Number(dictionary, "Width") is { } width && PdfDictionary.Number(dictionary, "Height") is { } height
            ? (int)Math.Min(int.MaxValue, (((long)width * components * bits) + 7) / 8 * height)
            : null;
    }

    // The next operator of this name from here, standing between white space (or a dictionary's end and the stream's).
    private static int Operator(byte[] content, ReadOnlySpan<byte> name, int from)
    {
        while (from < content.Length)
        {
            var found = content.AsSpan(from).IndexOf(name);
            if (found < 0) return -1;
            var at = from + found;
            var before = at == 0 || PdfDrawing.IsWhiteSpace(content[at - 1]) || content[at - 1] == '>';
            var after = at + name.Length == content.Length || PdfDrawing.IsWhiteSpace(content[at + name.Length]);
            if (before && after) return at;
            from = at + 1;
        }
        return -1;
    }

    private static string Expanded(string dictionary) =>
        Name().Replace(dictionary, name => FullNames.TryGetValue(name.Groups["name"].Value, out var full) ? $"/{full}" : name.Value);

    [GeneratedRegex(@"/(?<name>[A-Za-z0-9]+)", LinearRegex.Options)]
    private static partial Regex Name();
}
