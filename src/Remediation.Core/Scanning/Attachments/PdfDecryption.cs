using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Remediation.Core.Scanning.Content;

namespace Remediation.Core.Scanning.Attachments;

/// <summary>
/// Opens a PDF locked with the standard security handler (RC4 of 40 to 128 bits, AES-128, AES-256) with the user
/// password its message gives, as any reader would, so that its links are read like those of an open PDF. A lure locks
/// the PDF only to keep scanners out: the key is written beside it. Only the user password is tried, and nothing is
/// written back: the result is the PDF's objects, decrypted, for <see cref="PdfLinks"/> to read.
/// </summary>
internal static partial class PdfDecryption
{
    // The padding string of the PDF specification (ISO 32000-1, 7.6.3.3, algorithm 2).
    private static readonly byte[] Padding =
    [
        0x28, 0xBF, 0x4E, 0x5E, 0x4E, 0x75, 0x8A, 0x41, 0x64, 0x00, 0x4E, 0x56, 0xFF, 0xFA, 0x01, 0x08,
        0x2E, 0x2E, 0x00, 0xB6, 0xD0, 0x68, 0x3E, 0x80, 0x2F, 0x0C, 0xA9, 0xFE, 0x64, 0x53, 0x69, 0x7A,
    ];

    public static bool IsEncrypted(ReadOnlySpan<byte> pdf) => pdf.IndexOf("/Encrypt"u8) >= 0;

    /// <returns>The PDF's objects with their strings and streams decrypted; null when it is not locked in a way this
    /// opens, or the password does not open it.</returns>
    public static byte[]? Open(ReadOnlyMemory<byte> pdf, string password) => Open(pdf, [password])?.Opened;

    /// <returns>The first of <paramref name="passwords"/> that opens the PDF, and what <see cref="Open(ReadOnlyMemory{byte}, string)"/> returns with it.</returns>
    public static (string Password, byte[] Opened)? Open(ReadOnlyMemory<byte> pdf, IEnumerable<string> passwords)
    {
        // Latin-1 keeps one character per byte, so offsets and binary content survive the regular expressions.
        var document = Encoding.Latin1.GetString(pdf.Span);
        if (Handler.Read(document) is not { } handler) return null;
        foreach (var password in passwords)
        {
            if (handler.FileKey(password) is { } key) return (password, Decrypt(document, handler, key));
        }
        return null;
    }

    private static byte[] Decrypt(string document, Handler handler, byte[] key)
    {
        var output = new MemoryStream();
        var read = 0;
        foreach (Match found in PdfObjects.ObjectHeader().Matches(document))
        {
            // "N G obj" inside an object already read is its data: skipped, so each byte is decrypted once at most.
            if (found.Index < read) continue;
            var start = found.Index + found.Length;
            var end = document.IndexOf("endobj", start, StringComparison.Ordinal);
            if (end < 0) break;
            read = end;
            var body = document[start..end];
            // The encryption dictionary and cross-reference streams are never encrypted.
            if (NeverEncrypted().IsMatch(body)) continue;
            var objectKey = handler.ObjectKey(key, int.Parse(found.Groups["number"].Value), int.Parse(found.Groups["generation"].Value));
            Write(output, found.Value);
            WriteObject(output, body, handler, objectKey);
            Write(output, "endobj\n");
        }
        return output.ToArray();
    }

    private static void WriteObject(MemoryStream output, string body, Handler handler, byte[] key)
    {
        var streamAt = StreamKeyword().Match(body);
        var dictionary = streamAt.Success ? body[..streamAt.Index] : body;
        Write(output, DecryptStrings(dictionary, handler, key));
        if (!streamAt.Success) return;
        var dataStart = streamAt.Index + streamAt.Length;
        var dataEnd = body.LastIndexOf("endstream", StringComparison.Ordinal);
        if (dataEnd < dataStart) return;
        var data = Encoding.Latin1.GetBytes(body[dataStart..StreamEnd(dictionary, dataStart, dataEnd, body)]);
        Write(output, "\nstream\n");
        output.Write(handler.Decrypt(key, data));
        Write(output, "\nendstream\n");
    }

    // Where the stream's data ends: its direct /Length, or before the end-of-line ahead of "endstream". Encrypted data
    // may end in bytes that look like one, so the length is trusted first.
    private static int StreamEnd(string dictionary, int dataStart, int dataEnd, string body)
    {
        if (DirectLength().Match(dictionary) is { Success: true } length && int.TryParse(length.Groups["length"].Value, out var bytes) && (long)dataStart + bytes <= dataEnd) return dataStart + bytes;
        if (dataEnd > dataStart && body[dataEnd - 1] == '\n') dataEnd--;
        if (dataEnd > dataStart && body[dataEnd - 1] == '\r') dataEnd--;
        return dataEnd;
    }

    // Strings outside streams are encrypted one by one: hex strings ("<7b12…>") and literal ones ("(…)", with escapes).
    private static string DecryptStrings(string dictionary, Handler handler, byte[] key)
    {
        var result = new StringBuilder(dictionary.Length);
        var i = 0;
        while (i < dictionary.Length)
        {
            var c = dictionary[i];
            if (c == '<' && i + 1 < dictionary.Length && dictionary[i + 1] == '<')
            {
                result.Append("<<");
                i += 2;
            }
            else if (c == '<')
            {
                var close = dictionary.IndexOf('>', i);
                if (close < 0) break;
                result.Append(Literal(handler.Decrypt(key, PdfLinks.AsciiHex(dictionary[(i + 1)..close]))));
                i = close + 1;
            }
            else if (c == '(')
            {
                var (bytes, next) = PdfDictionary.Literal(dictionary, i);
                result.Append(Literal(handler.Decrypt(key, bytes)));
                i = next;
            }
            else
            {
                result.Append(c);
                i++;
            }
        }
        return result.ToString();
    }

    // Written back as a literal string, so that "/URI (https://…)" reads as in an open PDF.
    private static string Literal(byte[] bytes)
    {
        var text = new StringBuilder(bytes.Length + 2).Append('(');
        foreach (var b in bytes) text.Append(b is (byte)'(' or (byte)')' or (byte)'\\' ? "\\" + (char)b : ((char)b).ToString());
        return text.Append(')').ToString();
    }

    private static void Write(MemoryStream output, string text) => output.Write(Encoding.Latin1.GetBytes(text));

    [GeneratedRegex(@"/Filter\s*/Standard|/Type\s*/XRef", LinearRegex.Options)]
    private static partial Regex NeverEncrypted();

    // "/Length 1234" and not "/Length 12 0 R", whose value lives in another object.
    [GeneratedRegex(@"/Length\s+(?<length>[0-9]{1,10})\s*(/|>>)", LinearRegex.Options)]
    private static partial Regex DirectLength();

    [GeneratedRegex(@"\bstream\r?\n", LinearRegex.Options)]
    private static partial Regex StreamKeyword();

    /// <summary>The standard security handler's parameters, read from the encryption dictionary and the file's ID.</summary>
    private sealed partial record Handler(int Revision, int KeyBytes, bool UsesAes, int Permissions, byte[] Owner, byte[] User, byte[]? UserKey, byte[] FileId, bool EncryptMetadata)
    {
        public static Handler? Read(string document)
        {
            if (EncryptionDictionary(document) is not { } dictionary || !dictionary.Contains("/Standard", StringComparison.Ordinal)) return null;
            var version = PdfDictionary.Number(dictionary, "V") ?? 0;
            var revision = PdfDictionary.Number(dictionary, "R") ?? 0;
            var owner = StringValue(dictionary, "O");
            var user = StringValue(dictionary, "U");
            if (revision is < 2 or > 6 || owner is null || user is null) return null;
            var aes = version >= 4 && CryptFilter().Match(dictionary) is { Success: true } filter && filter.Groups["method"].Value.StartsWith("AES", StringComparison.Ordinal);
            // Version 4's crypt filters are 128-bit (their /Length counts bytes); before it, /Length counts the key's bits.
            var keyBits = revision == 2 ? 40 : version >= 5 ? 256 : version == 4 ? 128 : PdfDictionary.Number(dictionary, "Length") ?? 40;
            var fileId = FileIdentifier().Match(document) is { Success: true } id ? PdfLinks.AsciiHex(id.Groups["id"].Value) : [];
            return new Handler(revision, keyBits / 8, aes || version >= 5, PdfDictionary.Number(dictionary, "P") ?? 0, owner, user, StringValue(dictionary, "UE"), fileId,
                !dictionary.Contains("/EncryptMetadata false", StringComparison.Ordinal));
        }

        /// <summary>The file's key when <paramref name="password"/> is its user password; null otherwise.</summary>
        public byte[]? FileKey(string password) => Revision >= 5 ? Aes256Key(password) : Rc4OrAes128Key(password);

        /// <summary>The key for one object's strings and streams (algorithm 1); AES-256 uses the file's key for all.</summary>
        public byte[] ObjectKey(byte[] fileKey, int number, int generation)
        {
            if (Revision >= 5) return fileKey;
            var input = new List<byte>(fileKey) { (byte)number, (byte)(number >> 8), (byte)(number >> 16), (byte)generation, (byte)(generation >> 8) };
            if (UsesAes) input.AddRange("sAlT"u8.ToArray());
            return MD5.HashData([.. input])[..Math.Min(fileKey.Length + 5, 16)];
        }

        /// <summary>RC4, or AES-CBC with the IV ahead of the data and PKCS#7 padding; undecryptable data as it was.</summary>
        public byte[] Decrypt(byte[] key, byte[] data)
        {
            if (!UsesAes) return Rc4(key, data);
            if (data.Length < 32 || data.Length % 16 != 0) return data;
            using var aes = Aes.Create();
            aes.Key = key;
            try
            {
                return aes.DecryptCbc(data.AsSpan(16), data.AsSpan(0, 16), PaddingMode.PKCS7);
            }
            catch (CryptographicException)
            {
                return data;
            }
        }

        // Algorithm 2, checked by algorithms 4 and 5 against the U entry.
        private byte[]? Rc4OrAes128Key(string password)
        {
            var padded = Encoding.Latin1.GetBytes(password).Concat(Padding).Take(32);
            var input = new List<byte>(padded);
            input.AddRange(Owner.Take(32));
            input.AddRange(BitConverter.GetBytes(Permissions));
            input.AddRange(FileId);
            if (Revision >= 4 && !EncryptMetadata) input.AddRange([0xFF, 0xFF, 0xFF, 0xFF]);
            var hash = MD5.HashData([.. input]);
            var length = Revision == 2 ? 5 : Math.Clamp(KeyBytes, 5, 16);
            if (Revision >= 3)
            {
                for (var i = 0; i < 50; i++) hash = MD5.HashData(hash.AsSpan(0, length));
            }
            var key = hash[..length];
            if (Revision == 2) return Rc4(key, Padding).SequenceEqual(User.Take(32)) ? key : null;
            var check = Rc4(key, MD5.HashData([.. Padding, .. FileId]));
            for (byte i = 1; i <= 19; i++) check = Rc4([.. key.Select(b => (byte)(b ^ i))], check);
            return check.AsSpan().SequenceEqual(User.AsSpan(0, Math.Min(16, User.Length))) ? key : null;
        }

        // Algorithms 2.A and 11 (revisions 5 and 6): the password checked against U's validation salt, then UE
        // decrypted with the hash over its key salt.
        private byte[]? Aes256Key(string password)
        {
            if (User.Length < 48 || UserKey is not { Length: 32 } userKey) return null;
            var secret = Encoding.UTF8.GetBytes(password);
            secret = secret[..Math.Min(secret.Length, 127)];
            if (!Hash(secret, User[32..40]).AsSpan().SequenceEqual(User.AsSpan(0, 32))) return null;
            using var aes = Aes.Create();
            aes.Key = Hash(secret, User[40..48]);
            return aes.DecryptCbc(userKey, new byte[16], PaddingMode.None);
        }

        // Revision 5 hashes once; revision 6 runs algorithm 2.B's rounds of AES and SHA-2.
        private byte[] Hash(byte[] password, byte[] salt)
        {
            var k = SHA256.HashData([.. password, .. salt]);
            if (Revision == 5) return k;
            using var aes = Aes.Create();
            for (var round = 0; ; round++)
            {
                var block = password.Concat(k).ToArray();
                var k1 = new byte[block.Length * 64];
                for (var i = 0; i < 64; i++) block.CopyTo(k1, i * block.Length);
                aes.Key = k[..16];
                var e = aes.EncryptCbc(k1, k.AsSpan(16, 16), PaddingMode.None);
                var sum = 0;
                for (var i = 0; i < 16; i++) sum += e[i];
                k = (sum % 3) switch { 0 => SHA256.HashData(e), 1 => SHA384.HashData(e), _ => SHA512.HashData(e) };
                if (round >= 63 && e[^1] <= round - 31) return k[..32];
            }
        }

        private static byte[] Rc4(byte[] key, byte[] data)
        {
            var s = new byte[256];
            for (var i = 0; i < 256; i++) s[i] = (byte)i;
            for (int i = 0, j = 0; i < 256; i++)
            {
                j = (j + s[i] + key[i % key.Length]) & 0xFF;
                (s[i], s[j]) = (s[j], s[i]);
            }
            var output = new byte[data.Length];
            for (int n = 0, i = 0, j = 0; n < data.Length; n++)
            {
                i = (i + 1) & 0xFF;
                j = (j + s[i]) & 0xFF;
                (s[i], s[j]) = (s[j], s[i]);
                output[n] = (byte)(data[n] ^ s[(s[i] + s[j]) & 0xFF]);
            }
            return output;
        }

        // The dictionary the trailer's /Encrypt names, inline or as an indirect object.
        private static string? EncryptionDictionary(string document)
        {
            var named = EncryptReference().Match(document);
            if (!named.Success) return null;
            var start = named.Groups["inline"].Success ? named.Groups["inline"].Index
                : Regex.Match(document, $@"\b{named.Groups["number"].Value}\s+{named.Groups["generation"].Value}\s+obj\s*<<", LinearRegex.Options) is { Success: true } definition
                    ? definition.Index + definition.Length - 2 : -1;
            if (start < 0) return null;
            var depth = 0;
            for (var i = start; i + 1 < document.Length; i++)
            {
                if (document[i] == '<' && document[i + 1] == '<') { depth++; i++; }
                else if (document[i] == '>' && document[i + 1] == '>' && --depth == 0) return document[start..(i + 2)];
                else if (document[i] == '>' && document[i + 1] == '>') i++;
            }
            return null;
        }

        private static byte[]? StringValue(string dictionary, string key)
        {
            var found = Regex.Match(dictionary, $@"/{key}\s*[<(]", LinearRegex.Options);
            if (!found.Success) return null;
            var at = found.Index + found.Length - 1;
            if (dictionary[at] == '(') return PdfDictionary.Literal(dictionary, at).Bytes;
            var close = dictionary.IndexOf('>', at);
            return close < 0 ? null : PdfLinks.AsciiHex(dictionary[(at + 1)..close]);
        }

        [GeneratedRegex(@"/Encrypt\s*(?:(?<inline><<)|(?<number>[0-9]{1,10})\s+(?<generation>[0-9]{1,5})\s+R)", LinearRegex.Options)]
        private static partial Regex EncryptReference();

        [GeneratedRegex(@"/CFM\s*/(?<method>[A-Za-z0-9]+)", LinearRegex.Options)]
        private static partial Regex CryptFilter();

        [GeneratedRegex(@"/ID\s*\[\s*<(?<id>[0-9A-Fa-f\s]*)>", LinearRegex.Options)]
        private static partial Regex FileIdentifier();
    }
}
