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

        var options = new ParserOptions { MaxMimeDepth = limits.MaxMimeDepth + 1 };
        // Persistent: parts keep pointing into the buffer instead of copying their content again.
        var message = await MimeMessage.LoadAsync(options, buffer, persistent: true, cancellationToken);
        message.Headers.RemoveAll(LimitHeader);
        if (truncated)
        {
            message.Headers.Add(LimitHeader, $"it is larger than {limits.MaxMessageBytes / (1024 * 1024)} MB");
        }
        return message;
    }

    /// <summary>The limit the loader recorded for a message it cut short, or null.</summary>
    internal static string? LimitRecordedIn(MimeMessage message) => message.Headers[LimitHeader];
}
