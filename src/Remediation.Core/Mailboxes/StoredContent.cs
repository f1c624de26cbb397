namespace Remediation.Core.Mailboxes;

/// <summary>A message's MIME content as the store returned it, unparsed.</summary>
/// <param name="Content">At most the bytes asked for.</param>
/// <param name="Cut">The store held more; the rest was never read.</param>
public sealed record StoredContent(ReadOnlyMemory<byte> Content, bool Cut)
{
    /// <summary>At most <paramref name="maxBytes"/> of content held whole, and whether that cut it.</summary>
    public static StoredContent Within(byte[] content, long maxBytes) =>
        new(content.AsMemory(0, (int)Math.Min(content.Length, maxBytes)), content.Length > maxBytes);
}
