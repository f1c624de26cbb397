namespace Remediation.Core.Scanning.Attachments;

/// <summary>File name extensions that run code when opened, and those that pose as documents.</summary>
internal static class RiskyNames
{
    private static readonly HashSet<string> Executable = new(StringComparer.OrdinalIgnoreCase)
    {
        "exe", "scr", "com", "pif", "cpl", "msi", "msp", "dll", "bat", "cmd", "js", "jse", "vbs", "vbe", "wsf", "wsh",
        "hta", "ps1", "psm1", "lnk", "jar", "reg", "scf", "xll", "chm", "appx", "msix", "application", "sct",
    };

    private static readonly HashSet<string> DiskImage = new(StringComparer.OrdinalIgnoreCase) { "iso", "img", "vhd", "vhdx" };

    private static readonly HashSet<string> Document = new(StringComparer.OrdinalIgnoreCase)
    {
        "pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "txt", "rtf", "jpg", "jpeg", "png", "gif", "htm", "html", "zip", "csv", "odt",
    };

    private static readonly HashSet<string> MacroEnabled = new(StringComparer.OrdinalIgnoreCase) { "docm", "dotm", "xlsm", "xltm", "xlam", "pptm", "potm", "ppsm" };

    public static bool IsExecutable(string extension) => Executable.Contains(extension);

    public static bool IsDiskImage(string extension) => DiskImage.Contains(extension);

    public static bool IsDocument(string extension) => Document.Contains(extension);

    public static bool IsMacroEnabled(string extension) => MacroEnabled.Contains(extension);

    /// <summary>Binaries and shortcuts that run when opened; shebang scripts need an explicit interpreter or a chmod.</summary>
    public static bool IsExecutable(FileKind kind) =>
        kind is FileKind.PortableExecutable or FileKind.Elf or FileKind.MachO or FileKind.ShellLink;
}
