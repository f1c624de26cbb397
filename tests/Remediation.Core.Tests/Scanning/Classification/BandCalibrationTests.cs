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

    private static List<ScoredExample> Scored(double otherRulesOnSecond) =>
    [
        new("ham", false, 0, 0),
        new("ham", false, 1.5, otherRulesOnSecond),
        new("ham", false, 2.0, 0),
        new("spam", true, 4, 0),
    ];
}
