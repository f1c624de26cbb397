using System.Security.Cryptography;

namespace Remediation.TenantSimulator.Model;

/// <summary>
/// Makes ids shaped like Exchange's: URL-safe base64 with padding. The leading bytes give regular item ids
/// the "AAMkA" prefix and immutable ids the "AAkAL" prefix, as in a real tenant.
/// </summary>
internal static class GraphIds
{
    private static readonly byte[] RegularItemPrefix = [0x00, 0x03, 0x24, 0x00];
    private static readonly byte[] ImmutableItemPrefix = [0x00, 0x09, 0x00, 0x2E];
    private static readonly byte[] FolderPrefix = [0x00, 0x03, 0x24, 0x00, 0x01];

    public static string NewMessageId() => Encode(RegularItemPrefix, 37);

    public static string NewImmutableId() => Encode(ImmutableItemPrefix, 37);

    public static string NewFolderId() => Encode(FolderPrefix, 30);

    // Calendar items are items too: an event's id has the regular item shape.
    public static string NewEventId() => Encode(RegularItemPrefix, 37);

    public static string NewChangeKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(22));

    public static string NewOpaqueToken() => Base64Url(RandomNumberGenerator.GetBytes(24));

    private static string Encode(byte[] prefix, int randomBytes)
    {
        var bytes = new byte[prefix.Length + randomBytes];
        prefix.CopyTo(bytes, 0);
        RandomNumberGenerator.Fill(bytes.AsSpan(prefix.Length));
        return Base64Url(bytes);
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).Replace('+', '-').Replace('/', '_');
}
