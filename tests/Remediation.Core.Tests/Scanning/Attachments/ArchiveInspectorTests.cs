using System.IO.Compression;
using Remediation.Core.Scanning;
using Remediation.Core.Scanning.Attachments;
using static Remediation.Core.Tests.Scanning.Attachments.ZipBuilder;

namespace Remediation.Core.Tests.Scanning.Attachments;

public class ArchiveInspectorTests
{
    private static readonly byte[] Executable = Text("MZ\u0090\0 a program");
    private static readonly byte[] Eicar = Text(@"X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*");

    [Fact]
    public void Inspect_Archive_ListsEachFileWithItsLengthAndKind()
    {
        var archive = Zip(("docs/", []), ("docs/readme.txt", Text("hello")), ("run.exe", Executable), ("eicar.com", Eicar));

        var listing = Inspect(archive);

        Assert.True(listing.IsReadable);
        Assert.Null(listing.LimitExceeded);
        Assert.Equal(
            [new ArchiveEntry("docs/readme.txt", 5, false, FileKind.Unknown, false), new ArchiveEntry("run.exe", Executable.Length, false, FileKind.PortableExecutable, false),
             new ArchiveEntry("eicar.com", Eicar.Length, false, FileKind.Unknown, true)],
            listing.Entries);
    }

    [Fact]
    public void Inspect_ArchiveInTheMiddleOfABuffer_IsReadFromWhereItStarts()
    {
        var archive = Zip(("run.exe", Executable));
        var buffer = new byte[archive.Length + 20];
        archive.CopyTo(buffer, 10);

        var listing = Inspect(buffer.AsMemory(10, archive.Length));

        Assert.Equal(FileKind.PortableExecutable, Assert.Single(listing.Entries).Kind);
    }

    [Fact]
    public void Inspect_AsManyFilesAsAllowed_ListsThemAll()
    {
        var archive = Zip(("folder/", []), ("a.txt", Text("a")), ("b.txt", Text("b")));

        var listing = Inspect(archive, new ScanLimits { MaxArchiveEntries = 2 });

        Assert.Null(listing.LimitExceeded);
        Assert.Equal(2, listing.Entries.Count);
    }

    [Fact]
    public void Inspect_MoreFilesThanAllowed_StopsAndSaysSo()
    {
        var archive = Zip(("a.txt", Text("a")), ("b.txt", Text("b")), ("c.exe", Executable));

        var listing = Inspect(archive, new ScanLimits { MaxArchiveEntries = 2 });

        Assert.Equal("an archive holds more than 2 entries", listing.LimitExceeded);
        Assert.Equal(["a.txt", "b.txt"], listing.Entries.Select(e => e.Path));
        Assert.True(listing.IsReadable);
    }

    [Fact]
    public void Inspect_FilesThatUnpackToExactlyTheLimit_AreListed()
    {
        var archive = Zip(("a.bin", new byte[1024 * 1024]), ("b.bin", new byte[1024 * 1024]));

        var listing = Inspect(archive, new ScanLimits { MaxArchiveUncompressedBytes = 2 * 1024 * 1024, MaxCompressionRatio = int.MaxValue });

        Assert.Null(listing.LimitExceeded);
        Assert.Equal(2, listing.Entries.Count);
    }

    [Fact]
    public void Inspect_FilesThatUnpackToMoreThanTheLimit_StopsAndSaysSo()
    {
        var archive = Zip(("a.bin", new byte[1024 * 1024]), ("b.bin", new byte[1024 * 1024 + 1]));

        var listing = Inspect(archive, new ScanLimits { MaxArchiveUncompressedBytes = 2 * 1024 * 1024, MaxCompressionRatio = int.MaxValue });

        Assert.Equal("an archive unpacks to more than 2 MB", listing.LimitExceeded);
        Assert.Equal(["a.bin"], listing.Entries.Select(e => e.Path));
    }

    [Fact]
    public void Inspect_EntryCompressedBeyondTheRatio_StopsAndNamesIt()
    {
        var archive = Zip(("ok.txt", Text("fine")), ("bomb.bin", new byte[4096]));

        var listing = Inspect(archive, new ScanLimits { CompressionRatioFloorBytes = 1024, MaxCompressionRatio = 10 });

        Assert.Equal("archive entry bomb.bin is compressed more than 10:1", listing.LimitExceeded);
        Assert.Equal(["ok.txt"], listing.Entries.Select(e => e.Path));
    }

    [Fact]
    public void Inspect_HighlyCompressedEntryNoLargerThanTheFloor_IsListed()
    {
        var archive = Zip(("zeros.bin", new byte[1024]));

        var listing = Inspect(archive, new ScanLimits { CompressionRatioFloorBytes = 1024, MaxCompressionRatio = 10 });

        Assert.Null(listing.LimitExceeded);
        Assert.Single(listing.Entries);
    }

    [Fact]
    public void Inspect_StoredEntryAtExactlyTheRatio_IsListed()
    {
        var archive = Zip(CompressionLevel.NoCompression, ("stored.bin", new byte[4096]));

        var listing = Inspect(archive, new ScanLimits { CompressionRatioFloorBytes = 1024, MaxCompressionRatio = 1 });

        Assert.Null(listing.LimitExceeded);
        Assert.Single(listing.Entries);
    }

    [Fact]
    public void Inspect_EncryptedEntry_ListedAsEncryptedWithoutReadingIt()
    {
        var archive = MarkEncrypted(Zip(CompressionLevel.NoCompression, ("secret.exe", Executable), ("eicar.com", Eicar)));

        var listing = Inspect(archive);

        Assert.True(listing.IsReadable);
        Assert.Equal(
            [new ArchiveEntry("secret.exe", Executable.Length, true, FileKind.Unknown, false), new ArchiveEntry("eicar.com", Eicar.Length, true, FileKind.Unknown, false)],
            listing.Entries);
        Assert.True(listing.HasEncryptedEntries);
    }

    [Fact]
    public void Inspect_NestedArchives_ListedWithThePathsOfTheArchivesTheySitIn()
    {
        var inner = Zip(("payload.exe", Executable));
        var archive = Zip(("readme.txt", Text("read me")), ("inner.zip", inner), ("after.txt", Text("after")));

        var listing = Inspect(archive);

        Assert.Null(listing.LimitExceeded);
        Assert.Equal(["readme.txt", "inner.zip", "inner.zip/payload.exe", "after.txt"], listing.Entries.Select(e => e.Path));
        Assert.Equal(FileKind.Zip, listing.Entries[1].Kind);
        Assert.Equal(FileKind.PortableExecutable, listing.Entries[2].Kind);
    }

    [Fact]
    public void Inspect_ArchivesNestedDeeperThanAllowed_AreNotOpened()
    {
        var third = Zip(("deepest.exe", Executable));
        var second = Zip(("third.zip", third));
        var archive = Zip(("second.zip", second));

        var listing = Inspect(archive, new ScanLimits { MaxArchiveDepth = 2 });

        Assert.Equal(["second.zip", "second.zip/third.zip"], listing.Entries.Select(e => e.Path));
    }

    [Fact]
    public void Inspect_DepthOfOne_OpensNoNestedArchive()
    {
        var archive = Zip(("inner.zip", Zip(("payload.exe", Executable))));

        var listing = Inspect(archive, new ScanLimits { MaxArchiveDepth = 1 });

        Assert.Equal(["inner.zip"], listing.Entries.Select(e => e.Path));
    }

    [Fact]
    public void Inspect_NestedArchiveOfExactlyTheNestedLimit_IsOpened()
    {
        var inner = Zip(("payload.exe", Executable));
        var archive = Zip(("inner.zip", inner));

        var listing = Inspect(archive, new ScanLimits { MaxNestedArchiveBytes = inner.Length });

        Assert.Equal(["inner.zip", "inner.zip/payload.exe"], listing.Entries.Select(e => e.Path));
    }

    [Fact]
    public void Inspect_NestedArchiveLargerThanTheNestedLimit_IsListedButNotOpened()
    {
        var inner = Zip(("payload.exe", Executable));
        var archive = Zip(("inner.zip", inner));

        var listing = Inspect(archive, new ScanLimits { MaxNestedArchiveBytes = inner.Length - 1 });

        Assert.Null(listing.LimitExceeded);
        Assert.Equal(["inner.zip"], listing.Entries.Select(e => e.Path));
    }

    [Fact]
    public void Inspect_NestedArchivesTogetherOverTheEntryLimit_StopsAndSaysSo()
    {
        var inner = Zip(("a.exe", Executable), ("b.exe", Executable));
        var archive = Zip(("inner.zip", inner), ("after.txt", Text("after")));

        var listing = Inspect(archive, new ScanLimits { MaxArchiveEntries = 2 });

        Assert.Equal("an archive holds more than 2 entries", listing.LimitExceeded);
        Assert.Equal(["inner.zip", "inner.zip/a.exe"], listing.Entries.Select(e => e.Path));
    }

    [Fact]
    public void Inspect_NestedArchiveOverARatio_NamesTheEntryWithItsArchive()
    {
        var inner = Zip(("bomb.bin", new byte[8192]));
        var archive = Zip(CompressionLevel.NoCompression, ("inner.zip", inner), ("after.txt", Text("after")));

        var listing = Inspect(archive, new ScanLimits { CompressionRatioFloorBytes = 4096, MaxCompressionRatio = 10 });

        Assert.Equal("archive entry inner.zip/bomb.bin is compressed more than 10:1", listing.LimitExceeded);
        Assert.Equal(["inner.zip"], listing.Entries.Select(e => e.Path));
    }

    [Fact]
    public void Inspect_NestedArchiveThatUnpacksToMoreThanItDeclares_StopsAndSaysSo()
    {
        var inner = Zip(CompressionLevel.NoCompression, ("padding.bin", new byte[3000]));
        var archive = DeclareLength(Zip(CompressionLevel.NoCompression, ("inner.zip", inner)), 100);

        var listing = Inspect(archive, new ScanLimits { MaxNestedArchiveBytes = 1000 });

        Assert.Equal("nested archive inner.zip unpacks to more than it declares", listing.LimitExceeded);
    }

    [Fact]
    public void Inspect_CorruptArchive_IsUnreadable()
    {
        var archive = Text("PK\u0003\u0004 this is no archive at all, only its first bytes");

        var listing = Inspect(archive);

        Assert.False(listing.IsReadable);
        Assert.Null(listing.LimitExceeded);
        Assert.Empty(listing.Entries);
    }

    [Fact]
    public void Inspect_CorruptNestedArchive_IsUnreadableButKeepsWhatWasListed()
    {
        var archive = Zip(("first.txt", Text("first")), ("inner.zip", Text("PK\u0003\u0004 broken")));

        var listing = Inspect(archive);

        Assert.False(listing.IsReadable);
        Assert.Equal(["first.txt", "inner.zip"], listing.Entries.Select(e => e.Path));
    }

    [Theory]
    [InlineData("word/vbaProject.bin", true)]
    [InlineData("xl/VBAPROJECT.BIN", true)]
    [InlineData("word/vbaProject.bin.rels", false)]
    [InlineData("word/document.xml", false)]
    public void HasVbaProject_ByEntryName(string path, bool expected)
    {
        var listing = new ArchiveListing([new ArchiveEntry("[Content_Types].xml", 10, false, FileKind.Unknown, false), new ArchiveEntry(path, 10, false, FileKind.Unknown, false)], null, true);

        Assert.Equal(expected, listing.HasVbaProject);
    }

    [Fact]
    public void HasEncryptedEntries_NoneEncrypted_IsFalse()
    {
        var listing = Inspect(Zip(("a.txt", Text("a"))));

        Assert.False(listing.HasEncryptedEntries);
    }

    private static ArchiveListing Inspect(ReadOnlyMemory<byte> archive, ScanLimits? limits = null) =>
        new ArchiveInspector(limits ?? new ScanLimits()).Inspect(archive);
}
