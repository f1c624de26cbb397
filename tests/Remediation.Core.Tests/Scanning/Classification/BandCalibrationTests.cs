using Remediation.Core.Scanning.Classification;

namespace Remediation.Core.Tests.Scanning.Classification;

public class BandCalibrationTests
{
    private static readonly TrainingSettings Settings = new()
    {
        MaliciousHamShare = new Dictionary<string, double> { ["ham"] = 0 },
        SuspiciousHamShare = new Dictionary<string, double> { ["ham"] = 0.5 },
        Margin = 0.25,
    };

    [Fact]
    public void Find_HamAlone_PutsTheBandsAboveItsHighestScoresPlusTheMargin()
    {
        var (suspicious, malicious) = BandCalibration.Find(Scored(otherRulesOnSecond: 0), Settings);

        Assert.InRange(malicious, 2.25, 2.35);
        Assert.InRange(suspicious, 1.75, malicious - 0.1);
        Assert.True(ClassifierWeight.Of(2.25, suspicious, malicious) < ClassifierWeight.MaliciousPoints);
    }

    [Fact]
    public void Find_HamWithOtherEvidence_KeepsItsVerdictOutOfTheMaliciousBand()
    {
        var (suspicious, malicious) = BandCalibration.Find(Scored(otherRulesOnSecond: 6), Settings);

        Assert.True(ClassifierWeight.Of(1.75, suspicious, malicious) + 6 < ClassifierWeight.MaliciousPoints);
        Assert.True(ClassifierWeight.Of(2.25, suspicious, malicious) < ClassifierWeight.MaliciousPoints);
        Assert.True(malicious > 2.35, $"malicious {malicious}");
    }

    [Fact]
    public void Find_HamAlone_StepsBothBandsUpUntilTheTopHamIsBelowTenPoints()
    {
        // Ham scores 0.25, 1.75 and 2.25 with the margin; starting just above 2.25 the top ham still rounds to 10 points.
        var (suspicious, malicious) = BandCalibration.Find(Scored(otherRulesOnSecond: 0), Settings);

        Assert.Equal(2.26, malicious, precision: 4);
        Assert.Equal(1.76, suspicious, precision: 4);
    }

    [Fact]
    public void Find_LoneHam_StartsTheMaliciousBandJustAboveItNotAtTheLowestScore()
    {
        var settings = new TrainingSettings
        {
            MaliciousHamShare = new Dictionary<string, double> { ["ham"] = 0 },
            SuspiciousHamShare = new Dictionary<string, double> { ["ham"] = 1 },
            Margin = 0,
        };
        List<ScoredExample> scored = [new("ham", false, 2, 0), new("spam", true, -1.005, 0)];

        var (suspicious, malicious) = BandCalibration.Find(scored, settings);

        // The suspicious band may hold all ham, so it starts at the lowest score; four steps bring the ham under 9.95 points.
        Assert.Equal(2.04, malicious, precision: 4);
        Assert.Equal(-0.965, suspicious, precision: 4);
    }

    [Fact]
    public void Find_HamThatOtherRulesKeepInTheBand_StopsOneLogitAboveTheHighestScore()
    {
        var settings = Settings with { SuspiciousHamShare = new Dictionary<string, double> { ["ham"] = 1 } };
        List<ScoredExample> scored = [new("ham", false, 0, 0), new("ham", false, 2, 9.95), new("spam", true, 3, 0)];

        var (suspicious, malicious) = BandCalibration.Find(scored, settings);

        // 9.95 points from other rules: any classifier points put it in the malicious band, so the search runs to the ceiling,
        // the highest score plus the margin plus one.
        Assert.Equal(4.25, malicious, precision: 4);
        Assert.Equal(2, suspicious, precision: 4);
    }

    [Fact]
    public void Find_HamOutOfTheSuspiciousBandOnlyAboveTheMaliciousLogit_KeepsTheGapBetweenTheBands()
    {
        var settings = new TrainingSettings
        {
            MaliciousHamShare = new Dictionary<string, double> { ["ham"] = 0 },
            SuspiciousHamShare = new Dictionary<string, double> { ["ham"] = 0 },
            Margin = 0,
        };
        List<ScoredExample> scored = [new("ham", false, 1, 4.5), new("spam", true, 3, 0)];

        var (suspicious, malicious) = BandCalibration.Find(scored, settings);

        // 4.5 points from other rules: the classifier must give under 0.5, which needs the suspicious logit 0.1 above the ham,
        // and the malicious logit follows it to stay 0.1 higher.
        Assert.Equal(1.1, suspicious, precision: 4);
        Assert.Equal(1.2, malicious, precision: 4);
        Assert.True(ClassifierWeight.Of(1, suspicious, malicious) + 4.5 < ClassifierWeight.SuspiciousPoints);
    }

    [Fact]
    public void Find_TwoHamGroups_HoldsEachToItsOwnShare()
    {
        var settings = new TrainingSettings
        {
            MaliciousHamShare = new Dictionary<string, double> { ["hard"] = 0.5 },
            SuspiciousHamShare = new Dictionary<string, double> { ["hard"] = 1 },
            Margin = 0,
        };
        List<ScoredExample> scored =
        [
            new("easy", false, 0, 0), new("easy", false, 0.5, 0),
            new("hard", false, 1, 0), new("hard", false, 2, 0),
            new("spam", true, 3, 0),
        ];

        var (suspicious, malicious) = BandCalibration.Find(scored, settings);

        // Unlisted "easy" must stay out of both bands; half of "hard" may reach the malicious band, all of it the suspicious.
        Assert.Equal(0.51, suspicious, precision: 4);
        Assert.Equal(1.01, malicious, precision: 4);
        Assert.True(ClassifierWeight.Of(0.5, suspicious, malicious) < ClassifierWeight.SuspiciousPoints);
        Assert.True(ClassifierWeight.Of(1, suspicious, malicious) < ClassifierWeight.MaliciousPoints);
    }

    private static List<ScoredExample> Scored(double otherRulesOnSecond) =>
    [
        new("ham", false, 0, 0),
        new("ham", false, 1.5, otherRulesOnSecond),
        new("ham", false, 2.0, 0),
        new("spam", true, 4, 0),
    ];
}
