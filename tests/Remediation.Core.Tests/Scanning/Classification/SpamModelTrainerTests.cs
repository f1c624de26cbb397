using MimeKit;
using Remediation.Core.Scanning;
using Remediation.Core.Scanning.Classification;

namespace Remediation.Core.Tests.Scanning.Classification;

public class SpamModelTrainerTests
{
    private static readonly TrainingSettings Small = new() { BucketBits = 12, Epochs = 8, Folds = 3, Margin = 0 };

    [Fact]
    public void Train_SeparableExamples_ScoresUnseenSpamAboveUnseenHam()
    {
        var result = SpamModelTrainer.Train(Examples(), Small);

        var spam = result.Model.Logit(Message("cheap pills discount offer", 99));
        var ham = result.Model.Logit(Message("meeting agenda review notes", 99));
        Assert.True(spam > ham, $"spam {spam} vs ham {ham}");
        Assert.Equal(Examples().Count * Small.Repetitions, result.OutOfFold.Count);
    }

    [Fact]
    public void Train_SameDataTwice_GivesTheSameModel()
    {
        var first = SpamModelTrainer.Train(Examples(), Small).Model;
        var second = SpamModelTrainer.Train(Examples(), Small).Model;

        var probe = Message("offer review pills notes", 7);
        Assert.Equal(first.Logit(probe), second.Logit(probe));
        Assert.Equal(first.MaliciousLogit, second.MaliciousLogit);
    }

    [Fact]
    public void Train_ContiguousFolds_HoldsOutEachCampaignWhole()
    {
        // Three spam campaigns filed one after another, each with words of its own.
        string[] campaigns = ["cheap pills discount", "mortgage rates refinance", "casino bonus jackpot"];
        List<TrainingExample> examples =
        [
            .. Enumerable.Range(0, 30).Select(i => new TrainingExample(Message(campaigns[i / 10] + " offer", i), true, "spam")),
            .. Enumerable.Range(0, 30).Select(i => new TrainingExample(Message("meeting agenda review notes tomorrow", i), false, "ham")),
        ];

        double MeanSpamLogit(TrainingResult result) => result.OutOfFold.Where(s => s.IsSpam).Average(s => s.Logit);
        var random = SpamModelTrainer.Train(examples, Small);
        var contiguous = SpamModelTrainer.Train(examples, Small with { ContiguousFolds = true });

        // Random folds leave copies of every campaign in training; contiguous ones hide each campaign from its model.
        Assert.Equal(examples.Count, contiguous.OutOfFold.Count);
        Assert.True(MeanSpamLogit(contiguous) < MeanSpamLogit(random) - 1, $"contiguous {MeanSpamLogit(contiguous)} vs random {MeanSpamLogit(random)}");
    }

    [Fact]
    public void Train_NoEpochs_LeavesEveryWeightAndTheBiasAtZero()
    {
        var result = SpamModelTrainer.Train(Examples(), Small with { Epochs = 0 });

        Assert.Equal(0, result.Model.Bias);
        Assert.Equal(0, result.Model.Logit(Message("cheap pills discount offer", 99)));
        Assert.All(result.OutOfFold, s => Assert.Equal(0, s.Logit));
    }

    [Fact]
    public void Train_EveryRepetition_ScoresEveryExampleOutOfFold()
    {
        var examples = Examples();

        var result = SpamModelTrainer.Train(examples, Small with { Repetitions = 2 });

        Assert.Equal(examples.Count * 2, result.OutOfFold.Count);
        Assert.All(result.OutOfFold, s => Assert.NotEqual(0, s.Logit));
        Assert.Equal(examples.Select(e => e.IsSpam).Concat(examples.Select(e => e.IsSpam)), result.OutOfFold.Select(s => s.IsSpam));
        Assert.True(result.OutOfFold.Where(s => s.IsSpam).Min(s => s.Logit) > result.OutOfFold.Where(s => !s.IsSpam).Max(s => s.Logit));
    }

    [Fact]
    public void Train_TwoRepetitions_DrawTheirFoldsDifferently()
    {
        var examples = Examples();

        var result = SpamModelTrainer.Train(examples, Small with { Repetitions = 2 });

        var first = result.OutOfFold.Take(examples.Count).Select(s => s.Logit);
        var second = result.OutOfFold.Skip(examples.Count).Select(s => s.Logit);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Train_OnlySpam_LearnsAPositiveBias()
    {
        List<TrainingExample> examples = [.. Examples().Where(e => e.IsSpam)];

        var result = SpamModelTrainer.Train(examples, Small);

        Assert.True(result.Model.Bias > 0, $"bias {result.Model.Bias}");
        Assert.True(result.Model.Logit(Message("meeting agenda review notes", 99)) > 0);
    }

    [Fact]
    public void Train_ContiguousFolds_ScoresEveryExampleOnce()
    {
        var examples = Examples();

        var result = SpamModelTrainer.Train(examples, Small with { ContiguousFolds = true });

        Assert.Equal(examples.Count, result.OutOfFold.Count);
        Assert.All(result.OutOfFold, s => Assert.NotEqual(0, s.Logit));
    }

    [Fact]
    public void Train_GroupWithoutWeight_DoesNotTeachTheModel()
    {
        // Copies of the spam labelled as ham, in a group of their own.
        List<TrainingExample> examples =
        [
            .. Examples(),
            .. Enumerable.Range(0, 60).Select(i => new TrainingExample(Message("cheap pills discount offer buy now", 100 + i), false, "mislabelled")),
        ];
        var probe = Message("cheap pills discount offer", 99);

        var ignored = SpamModelTrainer.Train(examples, Small with { GroupWeights = new Dictionary<string, double> { ["mislabelled"] = 0 } });
        var counted = SpamModelTrainer.Train(examples, Small);

        Assert.True(ignored.Model.Logit(probe) > 0, $"ignored {ignored.Model.Logit(probe)}");
        Assert.True(counted.Model.Logit(probe) < ignored.Model.Logit(probe) - 1, $"counted {counted.Model.Logit(probe)} vs ignored {ignored.Model.Logit(probe)}");
    }

    [Fact]
    public void Train_HeavierGroup_PullsTheModelTowardsItsLabel()
    {
        var probe = Message("cheap pills discount offer", 99);

        var plain = SpamModelTrainer.Train(Examples(), Small).Model.Logit(probe);
        var heavy = SpamModelTrainer.Train(Examples(), Small with { GroupWeights = new Dictionary<string, double> { ["spam"] = 4 } }).Model.Logit(probe);

        Assert.True(heavy > plain, $"heavy {heavy} vs plain {plain}");
    }

    [Fact]
    public void Train_StrongRegularisation_KeepsTheLogitsSmall()
    {
        var spam = Message("cheap pills discount offer", 99);
        var ham = Message("meeting agenda review notes", 99);

        var free = SpamModelTrainer.Train(Examples(), Small with { L2 = 0 }).Model;
        var strong = SpamModelTrainer.Train(Examples(), Small with { L2 = 1 }).Model;

        Assert.True(strong.Logit(spam) - strong.Logit(ham) < (free.Logit(spam) - free.Logit(ham)) / 2,
            $"strong {strong.Logit(spam) - strong.Logit(ham)} vs free {free.Logit(spam) - free.Logit(ham)}");
    }

    [Fact]
    public void Train_Examples_CarriesGroupsAndOtherRulesIntoTheOutOfFoldScores()
    {
        List<TrainingExample> examples = [.. Examples().Select((e, i) => e with { OtherRulesWeight = i % 2 })];

        var result = SpamModelTrainer.Train(examples, Small with { Repetitions = 1 });

        Assert.Equal(examples.Select(e => (e.Group, e.OtherRulesWeight)), result.OutOfFold.Select(s => (s.Group, s.OtherRulesWeight)));
    }

    private static List<TrainingExample> Examples() =>
    [
        .. Enumerable.Range(0, 30).Select(i => new TrainingExample(Message("cheap pills discount offer buy now", i), true, "spam")),
        .. Enumerable.Range(0, 30).Select(i => new TrainingExample(Message("meeting agenda review notes tomorrow", i), false, "ham")),
    ];

    private static ScannedMessage Message(string words, int variant)
    {
        // A fixed Message-ID and date: MimeKit's defaults differ from run to run, and their form is a feature.
        var mime = new MimeMessage
        {
            Subject = $"note {variant}",
            Body = new TextPart("plain") { Text = $"{words} item{variant}" },
            MessageId = $"{variant}.note@b.example",
            Date = new DateTimeOffset(2002, 9, 1, 12, 0, 0, TimeSpan.Zero),
        };
        mime.From.Add(MailboxAddress.Parse("a@b.example"));
        return ScannedMessage.Read(new ScanInput(mime), new ScanLimits(), "");
    }
}
