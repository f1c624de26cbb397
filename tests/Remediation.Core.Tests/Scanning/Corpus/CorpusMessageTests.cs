using Remediation.Core.Scanning.Corpus;

namespace Remediation.Core.Tests.Scanning.Corpus;

public class CorpusMessageTests
{
    [Theory]
    [InlineData("spam-1", true)]
    [InlineData("spam-2", true)]
    [InlineData("easy-ham-1", false)]
    [InlineData("easy-ham-2", false)]
    [InlineData("hard-ham-1", false)]
    public void IsSpam_ByGroup_OnlyTheSpamGroups(string group, bool expected)
    {
        var sut = new CorpusMessage(group, "00001.abc", 1, []);

        Assert.Equal(expected, sut.IsSpam);
    }

    [Theory]
    [InlineData("easy-ham-1", 2, true)]
    [InlineData("spam-1", 2, true)]
    [InlineData("hard-ham-1", 1, true)]
    [InlineData("hard-ham-1", 251, true)]
    [InlineData("hard-ham-1", 2, false)]
    [InlineData("hard-ham-1", 250, false)]
    [InlineData("easy-ham-2", 1, false)]
    [InlineData("spam-2", 1, false)]
    public void IsIn_TrainingAndEvaluation_SplitTheCorpusBetweenThem(string group, int number, bool training)
    {
        var sut = new CorpusMessage(group, $"{number:D5}.abc", number, []);

        Assert.Equal(training, sut.IsIn(CorpusSplit.Training));
        Assert.Equal(!training, sut.IsIn(CorpusSplit.Evaluation));
    }

    [Theory]
    [InlineData("easy-ham-1", 1)]
    [InlineData("hard-ham-1", 1)]
    [InlineData("hard-ham-1", 2)]
    [InlineData("spam-2", 4)]
    public void IsIn_All_HoldsEveryMessage(string group, int number)
    {
        var sut = new CorpusMessage(group, $"{number:D5}.abc", number, []);

        Assert.True(sut.IsIn(CorpusSplit.All));
    }
}
