namespace Remediation.Core.Scanning.Attachments;

/// <summary>What a file is by its content, whatever its name says.</summary>
public enum FileKind
{
    Unknown,
    PortableExecutable,
    Elf,
    MachO,
    ShellScript,
    ShellLink,
    Zip,
    CompoundDocument,
    DiskImage,
    Html,
    Pdf,
    OtherArchive,
}
