using System.Buffers.Binary;
using BitMiracle.LibTiff.Classic;

namespace Remediation.Core.Scanning.Attachments;

/// <summary>
/// A PDF image in CCITT Group 4 fax coding (<c>/CCITTFaxDecode</c> with <c>/K</c> below 0), the coding Ghostscript and
/// scanners give 1-bit images, decoded by LibTiff.NET from a TIFF of one strip wrapped around the data. Group 3 (one- and
/// two-dimensional) data and byte-aligned rows are not read: no writer of lures seen uses them.
/// </summary>
internal static class CcittFax
{
    private const ushort Short = 3;
    private const ushort Long = 4;

    static CcittFax() => Tiff.SetErrorHandler(new Silent());

    /// <summary>
    /// The image as one gray byte per pixel (black runs 0, white 255), every step-th pixel of every step-th row, or null
    /// when it is not read.
    /// </summary>
    public static byte[]? Gray(string dictionary, ReadOnlySpan<byte> data, int width, int height, int step)
    {
        if ((PdfDictionary.Number(dictionary, "K") ?? 0) >= 0 || dictionary.Contains("/EncodedByteAlign true", StringComparison.Ordinal)) return null;
        if ((PdfDictionary.Number(dictionary, "Columns") ?? 1728) != width) return null;
        try
        {
            using var tiff = Tiff.ClientOpen("fax", "r", new MemoryStream(Wrapped(data, width, height), writable: false), new TiffStream());
            if (tiff is null) return null;
            var row = new byte[tiff.ScanlineSize()];
            var across = QrCodeLinks.Sampled(width, step);
            var gray = new byte[across * QrCodeLinks.Sampled(height, step)];
            for (var y = 0; y < height; y++)
            {
                // A row the data runs out before is left white, as a reader shows a truncated page. Fax rows are coded
                // against the row above, so every row is decoded and every step-th kept.
                if (!tiff.ReadScanline(row, y))
                {
                    gray.AsSpan(QrCodeLinks.Sampled(y, step) * across).Fill(255);
                    break;
                }
                if (y % step != 0) continue;
                for (var x = 0; x < width; x += step) gray[(y / step * across) + (x / step)] = (row[x / 8] >> (7 - (x % 8)) & 1) == 1 ? (byte)0 : (byte)255;
            }
            return gray;
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            return null;
        }
    }

    // A little-endian TIFF: header, one directory of ten entries, then the coded data as its one strip.
    private static byte[] Wrapped(ReadOnlySpan<byte> data, int width, int height)
    {
        (ushort Tag, ushort Type, int Value)[] entries =
        [
            (256, Long, width), (257, Long, height), (258, Short, 1), (259, Short, 4 /* CCITT T.6 */), (262, Short, 0 /* white is zero */),
            (273, Long, 0), (277, Short, 1), (278, Long, height), (279, Long, data.Length), (293, Long, 0 /* T6 options */),
        ];
        var dataOffset = 8 + 2 + (entries.Length * 12) + 4;
        var file = new byte[dataOffset + data.Length];
        "II*\0"u8.CopyTo(file);
        BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(4), 8);
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(8), (ushort)entries.Length);
        for (var i = 0; i < entries.Length; i++)
        {
            var entry = file.AsSpan(10 + (i * 12), 12);
            var (tag, type, value) = entries[i];
            BinaryPrimitives.WriteUInt16LittleEndian(entry, tag);
            BinaryPrimitives.WriteUInt16LittleEndian(entry[2..], type);
            BinaryPrimitives.WriteInt32LittleEndian(entry[4..], 1);
            if (type == Short) BinaryPrimitives.WriteUInt16LittleEndian(entry[8..], (ushort)value);
            else BinaryPrimitives.WriteInt32LittleEndian(entry[8..], tag == 273 ? dataOffset : value);
        }
        data.CopyTo(file.AsSpan(dataOffset));
        return file;
    }

    // The library writes its warnings and errors to the console; a hostile image's belong nowhere.
    private sealed class Silent : TiffErrorHandler
    {
        public override void ErrorHandler(Tiff tif, string method, string format, params object[] args)
        {
        }

        public override void ErrorHandlerExt(Tiff tif, object clientData, string method, string format, params object[] args)
        {
        }

        public override void WarningHandler(Tiff tif, string method, string format, params object[] args)
        {
        }

        public override void WarningHandlerExt(Tiff tif, object clientData, string method, string format, params object[] args)
        {
        }
    }
}
