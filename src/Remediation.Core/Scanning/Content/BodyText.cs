using System.Text;
using MimeKit;

namespace Remediation.Core.Scanning.Content;

/// <summary>
/// A body part's text as its sender wrote it. A part that declares a legacy code page (windows-1251, ISO-8859-2…) but
/// holds valid UTF-8 beyond ASCII was labelled wrongly by its mailer or a gateway on the way, which old mail does
/// often: read in the declared code page, a dash would become "вЂ”" and a replaced character "пїЅ", Cyrillic inside
/// Latin words that the rules would take for disguise. Text in a real legacy code page is almost never valid UTF-8.
/// </summary>
internal static class BodyText
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string Of(TextPart part, Func<MimePart, ReadOnlyMemory<byte>> decode)
    {
        var declared = part.ContentType.Charset;
        if (declared is null || IsUnicodeOrAscii(declared)) return part.Text ?? "";
        var bytes = decode(part).Span;
        if (bytes.IndexOfAnyInRange((byte)0x80, (byte)0xFF) < 0) return part.Text ?? "";
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return part.Text ?? "";
        }
    }

    private static bool IsUnicodeOrAscii(string charset) =>
        charset.StartsWith("utf", StringComparison.OrdinalIgnoreCase) || charset.Equals("us-ascii", StringComparison.OrdinalIgnoreCase)
        || charset.Equals("ascii", StringComparison.OrdinalIgnoreCase);
}
