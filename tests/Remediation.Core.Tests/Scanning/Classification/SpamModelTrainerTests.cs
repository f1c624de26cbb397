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
