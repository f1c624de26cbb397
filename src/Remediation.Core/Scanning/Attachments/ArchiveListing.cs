namespace Remediation.Core.Scanning.Attachments;

/// <summary>What a ZIP archive holds, read within the scan limits.</summary>
/// <param name="LimitExceeded">Which limit stopped the listing (a likely decompression bomb), or null.</param>
/// <param name="IsReadable">False when the archive is corrupt or uses a format that cannot be opened.</param>
public sealed record ArchiveListing(IReadOnlyList<ArchiveEntry> Entries, string? LimitExceeded, bool IsReadable)
{
    /// <summary>An Office Open XML document with a VBA project: it carries macros.</summary>
    public bool HasVbaProject => Entries.Any(e => e.Path.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase));

    public bool HasEncryptedEntries => Entries.Any(e => e.IsEncrypted);
}
