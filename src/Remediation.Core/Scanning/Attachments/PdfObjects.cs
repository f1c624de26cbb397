using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Remediation.Core.Scanning.Content;

namespace Remediation.Core.Scanning.Attachments;

/// <summary>
/// A PDF's numbered objects, found by their "N G obj" headers in the file as written and inside its object streams
/// (where modern writers put fonts and pages), with the few lookups a reader of its text needs: a key's value followed
/// through references, and a stream object's data with its filters undone. A file's cross-reference table is not
/// trusted or needed; where an object is defined twice, the later definition wins, as an update appends it.
/// </summary>
internal sealed partial class PdfObjects
{
    // Object streams read per file, and the bytes every stream read together may inflate to.
    private const int MaxObjectStreams = 64;
    private const int MaxInflatedBytes = 8 * 1024 * 1024;

    private readonly Dictionary<int, string> _bodies = [];
    private int _inflateBudget = MaxInflatedBytes;

    private PdfObjects(string document)
    {
        // An object ends at its "endobj", or where the next one begins when a hostile file leaves that out: every byte
        // belongs to one body at most, and the search for each end starts where the last one was found.
        var headers = ObjectHeader().Matches(document);
        var endobj = -1;
        for (var i = 0; i < headers.Count; i++)
        {
            var start = headers[i].Index + headers[i].Length;
            if (endobj < start && endobj != int.MaxValue) endobj = document.IndexOf("endobj", start, StringComparison.Ordinal) is >= 0 and var found ? found : int.MaxValue;
            var end = Math.Min(endobj, i + 1 < headers.Count ? headers[i + 1].Index : document.Length);
            _bodies[int.Parse(headers[i].Groups["number"].ValueSpan, CultureInfo.InvariantCulture)] = document[start..end];
        }
        foreach (var (number, body) in _bodies.Where(pair => ObjectStreamType().IsMatch(Dictionary(pair.Value))).Take(MaxObjectStreams).ToList())
        {
            ReadObjectStream(number, body);
        }
    }

    /// <summary>The objects of a PDF as a reader opens it (a locked one already opened).</summary>
    public static PdfObjects Of(ReadOnlySpan<byte> pdf) => new(Encoding.Latin1.GetString(pdf));

    /// <summary>The bodies of every object, in no particular order.</summary>
    public IEnumerable<string> Bodies => _bodies.Values;

    /// <summary>The body of object <paramref name="number"/>, or null when the file has none.</summary>
    public string? Body(int number) => _bodies.GetValueOrDefault(number);

    /// <summary>
    /// The value written after <c>/key</c> in <paramref name="dictionary"/>, a referenced object's body in its place:
    /// a dictionary ("&lt;&lt; … &gt;&gt;", brackets balanced), an array ("[ … ]"), or a single token.
    /// </summary>
    public string? Value(string dictionary, string key)
    {
        var at = KeyAt(dictionary, key);
        if (at < 0) return null;
        var value = ValueAt(dictionary, at);
        return Reference(value) is { } number ? Body(number) is { } body ? Dictionary(body).Trim() : null : value;
    }

    /// <summary>The value written after <c>/key</c> as it stands, a reference left unresolved; null when there is none.</summary>
    public static string? Written(string dictionary, string key)
    {
        var at = KeyAt(dictionary, key);
        return at < 0 ? null : ValueAt(dictionary, at);
    }

    /// <summary>The objects a value refers to ("5 0 R", or an array of references), in order.</summary>
    public static IEnumerable<int> References(string? value) =>
        value is null ? [] : ReferenceToken().Matches(value).Select(m => int.Parse(m.Groups["number"].ValueSpan, CultureInfo.InvariantCulture));

    /// <summary>The references of a dictionary's entries: each name with the object it refers to ("/F1 7 0 R").</summary>
    public static IEnumerable<(string Name, int Number)> Entries(string? dictionary) =>
        dictionary is null ? [] : NamedReference().Matches(dictionary).Select(m => (m.Groups["name"].Value, int.Parse(m.Groups["number"].ValueSpan, CultureInfo.InvariantCulture)));

    /// <summary>A stream object's data with its ASCII85 and Flate filters undone (<see cref="PdfLinks.Decoded"/>), or empty when it is no stream.</summary>
    public byte[] StreamData(int number)
    {
        if (Body(number) is not { } body || _inflateBudget <= 0) return [];
        var dictionary = Dictionary(body);
        if (dictionary.Length == body.Length) return [];
        var start = dictionary.Length + "stream".Length;
        if (start < body.Length && body[start] == '\r') start++;
        if (start < body.Length && body[start] == '\n') start++;
        var end = body.LastIndexOf("endstream", StringComparison.Ordinal);
        if (end < start) end = body.Length;
        var data = PdfLinks.Decoded(Encoding.Latin1.GetBytes(dictionary), Encoding.Latin1.GetBytes(body[start..Math.Min(end, start + _inflateBudget)]), _inflateBudget);
        _inflateBudget -= data.Length;
        return data;
    }

    /// <summary>An object's dictionary: its body up to the "stream" keyword, or the whole body when it has none.</summary>
    public static string Dictionary(string body)
    {
        for (var at = body.IndexOf("stream", StringComparison.Ordinal); at >= 0; at = body.IndexOf("stream", at + 1, StringComparison.Ordinal))
        {
            var before = body.AsSpan(0, at).TrimEnd();
            if (before.EndsWith(">>", StringComparison.Ordinal)) return body[..at];
        }
        return body;
    }

    // The objects an object stream holds: "number offset" pairs, then the objects from /First on, each up to the next.
    private void ReadObjectStream(int number, string body)
    {
        var dictionary = Dictionary(body);
        if (PdfDictionary.Number(dictionary, "N") is not { } count || PdfDictionary.Number(dictionary, "First") is not { } first || count <= 0) return;
        var data = Encoding.Latin1.GetString(StreamData(number));
        if (first > data.Length) return;
        var pairs = Integer().Matches(data[..first]).Select(m => int.Parse(m.ValueSpan, CultureInfo.InvariantCulture)).ToArray();
        for (var i = 0; i + 1 < pairs.Length && i / 2 < count; i += 2)
        {
            var from = first + pairs[i + 1];
            var to = i + 3 < pairs.Length ? first + pairs[i + 3] : data.Length;
            if (from < first || from > to || to > data.Length) continue;
            // Stryker disable once Logical : an object the file also defines directly is the same object, written again.
            _bodies.TryAdd(pairs[i], data[from..to]);
        }
    }

    private static int KeyAt(string dictionary, string key)
    {
        for (var at = dictionary.IndexOf("/" + key, StringComparison.Ordinal); at >= 0; at = dictionary.IndexOf("/" + key, at + 1, StringComparison.Ordinal))
        {
            var after = at + key.Length + 1;
            if (after == dictionary.Length || !char.IsAsciiLetterOrDigit(dictionary[after])) return after;
        }
        return -1;
    }

    private static string ValueAt(string dictionary, int at)
    {
        while (at < dictionary.Length && char.IsWhiteSpace(dictionary[at])) at++;
        if (at >= dictionary.Length) return "";
        if (dictionary[at] is '<' or '[')
        {
            var (open, close) = dictionary[at] == '[' ? ("[", "]") : ("<<", ">>");
            var depth = 0;
            for (var i = at; i < dictionary.Length; i++)
            {
                if (string.CompareOrdinal(dictionary, i, open, 0, open.Length) == 0) depth++;
                else if (string.CompareOrdinal(dictionary, i, close, 0, close.Length) == 0 && --depth == 0) return dictionary[at..(i + close.Length)];
            }
            return dictionary[at..];
        }
        var reference = ReferenceToken().Match(dictionary, at);
        if (reference.Success && reference.Index == at) return reference.Value;
        var end = at + 1;
        while (end < dictionary.Length && !char.IsWhiteSpace(dictionary[end]) && dictionary[end] is not ('/' or '<' or '>' or '[' or ']')) end++;
        return dictionary[at..end];
    }

    private static int? Reference(string value) =>
        ReferenceToken().Match(value) is { Success: true } m && m.Index == 0 && m.Length == value.Length
            ? int.Parse(m.Groups["number"].ValueSpan, CultureInfo.InvariantCulture) : null;

    /// <summary>"N G obj", where an object's body begins.</summary>
    [GeneratedRegex(@"\b(?<number>[0-9]{1,9})\s+(?<generation>[0-9]{1,5})\s+obj\b", LinearRegex.Options)]
    internal static partial Regex ObjectHeader();

    [GeneratedRegex(@"(?<number>[0-9]{1,9})\s+[0-9]{1,5}\s+R\b", LinearRegex.Options)]
    private static partial Regex ReferenceToken();

    [GeneratedRegex(@"/(?<name>[^\s/<>\[\]()]+)\s*(?<number>[0-9]{1,9})\s+[0-9]{1,5}\s+R\b", LinearRegex.Options)]
    private static partial Regex NamedReference();

    [GeneratedRegex(@"/Type\s*/ObjStm\b", LinearRegex.Options)]
    private static partial Regex ObjectStreamType();

    [GeneratedRegex(@"[0-9]{1,9}", LinearRegex.Options)]
    private static partial Regex Integer();
}
