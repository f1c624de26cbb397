using System.IO.Compression;
using System.Text;

namespace Remediation.Core.Tests.Reliability;

/// <summary>Generated attacker-made MIME: every family a scanner has to survive, in many sizes and shapes.</summary>
internal static class HostileMime
{
    private const string Head = "From: a@partner.example\r\nTo: alice@contoso.example\r\nSubject: s\r\nMIME-Version: 1.0\r\n";

    public static IEnumerable<(string Family, byte[] Mime)> Generate(int seed, int perFamily)
    {
        var random = new Random(seed);
        for (var i = 0; i < perFamily; i++)
        {
            yield return ("deep nesting", Ascii(DeepNesting(random.Next(10, 3000))));
            yield return ("huge header", Ascii(HugeHeader(random.Next(1_000, 2_000_000))));
            yield return ("thousands of parts", Ascii(ManyParts(random.Next(100, 20_000))));
            yield return ("zip bomb", ZipBomb(random.Next(1, 64) * 1024 * 1024));
            yield return ("nested archives", NestedArchives(random.Next(2, 12)));
            yield return ("malformed encoding", Ascii(MalformedEncoding(random)));
            yield return ("truncated", Truncated(random));
            yield return ("non-UTF-8 bytes", RandomBytes(random));
            var (family, build) = ContentAttacks[i % ContentAttacks.Count];
            yield return (family, build(random.Next(64 * 1024, AttackBytes)));
        }
    }

    /// <summary>The size of the content attack that kept a scanner busy for minutes.</summary>
    public const int AttackBytes = 3_800_000;

    /// <summary>
    /// Content shaped to make a pattern or a reader retry from every position: each family stresses one thing the
    /// rules read (HTML attachments, HTML and plain bodies, links, link text, display names), built to any size.
    /// </summary>
    public static IReadOnlyList<(string Family, Func<int, byte[]> Build)> ContentAttacks { get; } =
    [
        ("html attachment of <input", bytes => WithAttachment("page.html", "text/html", Repeat("<input ", bytes))),
        ("html attachment of <input type=", bytes => WithAttachment("page.html", "text/html", Repeat("<input type= ", bytes))),
        ("html attachment of atob(", bytes => WithAttachment("page.html", "text/html", Repeat("atob( ", bytes))),
        ("html attachment of new Blob", bytes => WithAttachment("page.html", "text/html", "<script>atob(x)" + Repeat("new  Blob ", bytes))),
        ("ten html attachments of <input", bytes => WithAttachments(Enumerable.Repeat(("page.html", "text/html", Repeat("<input ", bytes)), 10))),
        ("html body of <form", bytes => WithBody("text/html", Repeat("<form action=", bytes))),
        ("html body of unclosed <a href=", bytes => WithBody("text/html", Repeat("<a href=http://x.example/", bytes))),
        ("html body of <input", bytes => WithBody("text/html", Repeat("<input ", bytes))),
        ("html style sheet of .a{top:", bytes => WithBody("text/html", "<style>" + Repeat(".a{top:9 .a {margin-top: ", bytes) + "</style><div class=a>x</div>")),
        ("html body of elements with classes", bytes => WithBody("text/html", "<style>.far{margin-top:99999px}</style>" + Repeat("<p class=\"a b c\">x</p>", bytes))),
        ("link text of one long name", bytes => WithBody("text/html", $"<a href=\"http://x.example/\">www.{Repeat("a-", bytes)}.</a>")),
        ("link of %-escapes", bytes => WithBody("text/plain", "http://x.example/" + Repeat("%41", bytes))),
        ("one URL-like token", bytes => WithBody("text/plain", Repeat("http://a.", bytes))),
        ("file: links", bytes => WithBody("text/plain", Repeat("file:///c:/", bytes))),
        ("sums of digits", bytes => WithBody("text/plain", "million " + Repeat("1,", bytes))),
        ("quoted-printable =3D", bytes => Ascii($"{Head}Content-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n{Repeat("=3D", bytes)}\r\n")),
        ("pdf page of module squares drawn over each other", bytes => WithAttachment("scan.pdf", "application/pdf", Pdf(Repeat("0 0 177 177 re f 1 g 0 0 1 1 re f 0 g ", bytes)))),
        ("pdf page of nested states and strings", bytes => WithAttachment("scan.pdf", "application/pdf", Pdf(Repeat("q 1 0 0 1 0 0 cm (a\\) [( ", bytes)))),
        ("pdf of object headers without their ends", bytes => WithAttachment("scan.pdf", "application/pdf", "%PDF-1.7\n" + Numbered(i => $"{i} 0 obj <</Type/Page/Contents {i} 0 R/Resources<</Font<</F1 {i} 0 R>>>>>> ", bytes))),
        ("pdf page of text operators and strings", bytes => WithAttachment("scan.pdf", "application/pdf", PdfPage(Repeat("BT /F1 9 Tf 0 -9 Td (a\\(b) Tj [(c) -300 <00> 5] TJ 2 0 Td ET ", bytes), "<<>>"))),
        ("pdf font map of overlapping ranges", bytes => WithAttachment("scan.pdf", "application/pdf", PdfPage("BT /F1 9 Tf <0041> Tj ET", "begincmap " + Repeat("beginbfrange <0000> <FFFF> <0041>\n", bytes) + "endbfrange endcmap"))),
        ("pdf page of numbers and no operator", bytes => WithAttachment("scan.pdf", "application/pdf", PdfPage("BT " + Repeat("1 ", bytes) + "Tj ET", "<<>>"))),
        ("svg picture of one path of runs and squares", bytes => WithAttachment("scan.svg", "image/svg+xml", "<svg><g transform='scale(2)'><path stroke='#000' d='M0 0" + Repeat("h1m1 0l1 0 0 1 -1 0z", bytes) + "'/></g></svg>")),
        ("html body of block-character lines", bytes => WithBody("text/html", Repeat(string.Concat(Enumerable.Repeat("&#9608;&#9608;&nbsp;", 12)) + "&#9604;<br>", bytes))),
        ("html body of table cells and nested tables", bytes => WithBody("text/html", Repeat("<table><tr><td bgcolor=#000><td style=background:#fff><td>", bytes))),
        ("html body of inline svg: one long path, then unclosed pictures", bytes => WithBody("text/html", "<p>Scan:</p><svg><path fill='#000' d='M0 0" + Repeat("h1v1h-1zm2 0", bytes / 2) + "'/></svg>" + Repeat("<svg><rect width=1 ", bytes / 2))),
        ("html body of a cell style sheet and classed cells", bytes => WithBody("text/html", "<style>" + Repeat(".c{background:#000} td.d, .e > td { background:#fff }", bytes / 2) + "</style>" + Repeat("<table><tr><td class=\"c d e f g h i j k\">", bytes / 2))),
        ("html body of data: pictures", bytes => WithBody("text/html", Repeat("<img src=\"data:image/png;base64,iVBORw0KGgo\"><div style=\"background:url(data:image/gif;base64, ", bytes))),
        ("html body of one long data: picture", bytes => WithBody("text/html", "<img src=\"data:image/png;base64," + Repeat("iVBO Rw0K\n", bytes) + "\">")),
        ("display name of word characters", bytes => Ascii($"{Head.Replace("From: a@", "From: \"" + Repeat("a.", Math.Min(bytes, 200_000)) + "@x\" <a@", StringComparison.Ordinal)}\r\nbody\r\n")),
    ];

    // A page whose font, a composite one, spells its codes by the given /ToUnicode map.
    private static string PdfPage(string content, string toUnicode) =>
        $"%PDF-1.7\n1 0 obj << /Length {content.Length} >>\nstream\n{content}\nendstream\nendobj\n" +
        "2 0 obj << /Type /Page /Contents 1 0 R /Resources << /Font << /F1 3 0 R >> >> >>\nendobj\n" +
        "3 0 obj << /Type /Font /Subtype /Type0 /Encoding /Identity-H /ToUnicode 4 0 R >>\nendobj\n" +
        $"4 0 obj << /Length {toUnicode.Length} >>\nstream\n{toUnicode}\nendstream\nendobj\n%%EOF\n";

    private static string Numbered(Func<int, string> unit, int length)
    {
        var text = new StringBuilder(length + 100);
        for (var i = 1; text.Length < length; i++) text.Append(unit(i));
        return text.ToString();
    }

    private static string Pdf(string content) => $"%PDF-1.7\n1 0 obj << /Length {content.Length} >>\nstream\n{content}\nendstream\nendobj\n%%EOF\n";

    private static string Repeat(string unit, int length)
    {
        var text = new StringBuilder(length + unit.Length);
        while (text.Length < length) text.Append(unit);
        return text.ToString();
    }

    private static byte[] WithBody(string contentType, string body) => Ascii($"{Head}Content-Type: {contentType}\r\n\r\n{body}\r\n");

    private static string DeepNesting(int depth)
    {
        var mime = new StringBuilder(Head);
        for (var d = 0; d < depth; d++) mime.Append($"Content-Type: multipart/mixed; boundary=\"b{d}\"\r\n\r\n--b{d}\r\n");
        return mime.Append("Content-Type: text/plain\r\n\r\nx\r\n").ToString();
    }

    private static string HugeHeader(int length) =>
        $"{Head}X-Filler: {new string('A', length)}\r\nSubject: {new string('s', length / 4)}\r\n\r\nbody\r\n";

    private static string ManyParts(int parts)
    {
        var mime = new StringBuilder(Head).Append("Content-Type: multipart/mixed; boundary=\"p\"\r\n\r\n");
        for (var p = 0; p < parts; p++) mime.Append("--p\r\nContent-Type: text/html\r\n\r\n<a href=\"http://x.example/\">x</a>\r\n");
        return mime.Append("--p--\r\n").ToString();
    }

    private static byte[] ZipBomb(int uncompressedBytes) => WithAttachment("bomb.zip", "application/zip", Zip(("payload.exe", new byte[uncompressedBytes])));

    private static byte[] NestedArchives(int depth)
    {
        var inner = Zip(("tool.exe", Encoding.ASCII.GetBytes("MZ" + new string('\0', 64))));
        for (var d = 0; d < depth; d++) inner = Zip(($"level{d}.zip", inner));
        return WithAttachment("nested.zip", "application/zip", inner);
    }

    private static string MalformedEncoding(Random random) => random.Next(4) switch
    {
        0 => $"{Head}Content-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n\r\n{new string('!', 5000)}====@@@\r\n",
        1 => $"{Head}Content-Type: text/plain; charset=\"x-unknown-{random.Next()}\"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n=ZZ=0=\r\n=E9=\r\n",
        2 => $"{Head}Content-Type: multipart/mixed; boundary=\r\n\r\n--\r\n--\r\n",
        _ => $"From: =?utf-8?B?{new string('*', 300)}?=\r\nSubject: =?x-bogus?Q?=FF=FE?=\r\nContent-Type: text/html; charset=utf-7\r\n\r\n+ADw-script+AD4-\r\n",
    };

    private static byte[] Truncated(Random random)
    {
        var whole = NestedArchives(2);
        return whole[..random.Next(1, whole.Length)];
    }

    private static byte[] RandomBytes(Random random)
    {
        var body = new byte[random.Next(1, 64 * 1024)];
        random.NextBytes(body);
        return [.. Encoding.ASCII.GetBytes("From: \u00ff\r\nSubject: "), .. body[..Math.Min(200, body.Length)], .. "\r\n\r\n"u8.ToArray(), .. body];
    }

    private static byte[] WithAttachment(string name, string contentType, string content) => WithAttachments([(name, contentType, content)]);

    private static byte[] WithAttachment(string name, string contentType, byte[] content) => WithAttachments([(name, contentType, content)]);

    private static byte[] WithAttachments(IEnumerable<(string Name, string ContentType, string Content)> attachments) =>
        WithAttachments(attachments.Select(a => (a.Name, a.ContentType, Encoding.UTF8.GetBytes(a.Content))));

    private static byte[] WithAttachments(IEnumerable<(string Name, string ContentType, byte[] Content)> attachments)
    {
        var mime = new StringBuilder($"{Head}Content-Type: multipart/mixed; boundary=\"a\"\r\n\r\n--a\r\nContent-Type: text/plain\r\n\r\nsee attached\r\n");
        foreach (var (name, contentType, content) in attachments)
        {
            mime.Append($"--a\r\nContent-Type: {contentType}; name=\"{name}\"\r\nContent-Disposition: attachment; filename=\"{name}\"\r\n")
                .Append($"Content-Transfer-Encoding: base64\r\n\r\n{Convert.ToBase64String(content, Base64FormattingOptions.InsertLineBreaks)}\r\n");
        }
        return Ascii(mime.Append("--a--\r\n").ToString());
    }

    private static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var entry = archive.CreateEntry(name, CompressionLevel.SmallestSize).Open();
                entry.Write(content);
            }
        }
        return buffer.ToArray();
    }

    private static byte[] Ascii(string text) => Encoding.Latin1.GetBytes(text);
}
