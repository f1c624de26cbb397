namespace Remediation.Core.Scanning.Attachments;

/// <param name="Path">The entry's name, prefixed with the names of the archives it sits in.</param>
/// <param name="Kind">What its first bytes show; <see cref="FileKind.Unknown"/> when encrypted.</param>
/// <param name="IsEicar">Whether it is the anti-malware test file.</param>
public sealed record ArchiveEntry(string Path, long Length, bool IsEncrypted, FileKind Kind, bool IsEicar);
