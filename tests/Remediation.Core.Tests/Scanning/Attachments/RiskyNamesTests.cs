using Remediation.Core.Scanning.Attachments;

namespace Remediation.Core.Tests.Scanning.Attachments;

public class RiskyNamesTests
{
    public static TheoryData<string> Executables() =>
    [
        "exe", "scr", "com", "pif", "cpl", "msi", "msp", "dll", "bat", "cmd", "js", "jse", "vbs", "vbe", "wsf", "wsh",
        "hta", "ps1", "psm1", "lnk", "jar", "reg", "scf", "xll", "chm", "appx", "msix", "application", "sct", "EXE", "Js",
    ];

    public static TheoryData<string> Documents() =>
    [
        "pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "txt", "rtf", "jpg", "jpeg", "png", "gif", "htm", "html", "zip", "csv", "odt", "PDF",
    ];

    [Theory]
    [MemberData(nameof(Executables))]
    public void IsExecutable_ExtensionThatRunsCode_IsTrue(string extension)
    {
        Assert.True(RiskyNames.IsExecutable(extension));
        Assert.False(RiskyNames.IsDocument(extension));
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void IsDocument_ExtensionOfADocument_IsTrue(string extension)
    {
        Assert.True(RiskyNames.IsDocument(extension));
        Assert.False(RiskyNames.IsExecutable(extension));
    }

    [Theory]
    [InlineData("iso")]
    [InlineData("img")]
    [InlineData("vhd")]
    [InlineData("vhdx")]
    [InlineData("ISO")]
    public void IsDiskImage_ExtensionOfADiskImage_IsTrue(string extension)
    {
        Assert.True(RiskyNames.IsDiskImage(extension));
        Assert.False(RiskyNames.IsExecutable(extension));
    }

    [Theory]
    [InlineData("docm")]
    [InlineData("dotm")]
    [InlineData("xlsm")]
    [InlineData("xltm")]
    [InlineData("xlam")]
    [InlineData("pptm")]
    [InlineData("potm")]
    [InlineData("ppsm")]
    [InlineData("DOCM")]
    public void IsMacroEnabled_ExtensionOfAMacroDocument_IsTrue(string extension)
    {
        Assert.True(RiskyNames.IsMacroEnabled(extension));
        Assert.False(RiskyNames.IsDocument(extension));
    }

    [Theory]
    [InlineData("")]
    [InlineData("md")]
    [InlineData("exe2")]
    [InlineData("xml")]
    public void Is_OrdinaryOrEmptyExtension_IsNone(string extension)
    {
        Assert.False(RiskyNames.IsExecutable(extension));
        Assert.False(RiskyNames.IsDiskImage(extension));
        Assert.False(RiskyNames.IsDocument(extension));
        Assert.False(RiskyNames.IsMacroEnabled(extension));
    }

    [Theory]
    [InlineData(FileKind.PortableExecutable, true)]
    [InlineData(FileKind.Elf, true)]
    [InlineData(FileKind.MachO, true)]
    [InlineData(FileKind.ShellLink, true)]
    [InlineData(FileKind.ShellScript, false)]
    [InlineData(FileKind.Zip, false)]
    [InlineData(FileKind.Unknown, false)]
    [InlineData(FileKind.DiskImage, false)]
    public void IsExecutable_KindByContent_OnlyBinariesAndShortcuts(FileKind kind, bool expected)
    {
        Assert.Equal(expected, RiskyNames.IsExecutable(kind));
    }
}
