using Remediation.Core.Compromise;

namespace Remediation.Core.Tests.Compromise;

/// <summary>The weights and boundaries of the compromise score, decided without a ledger or a clock.</summary>
public sealed class CompromiseAssessmentTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 10, 15, 0, TimeSpan.Zero);
    private static readonly Dictionary<string, int> NoWaves = new(StringComparer.Ordinal);
    private readonly CompromiseOptions _options = new();

    [Fact]
    public void InWindow_ExactlyEvidenceWindowOld_IsKept()
    {
        var evidence = Evidence("m1", age: _options.EvidenceWindow);

        var kept = CompromiseAssessment.InWindow([evidence], Now, _options);

        Assert.Equal([evidence], kept);
    }

    [Fact]
    public void InWindow_ATickOlderThanEvidenceWindow_IsDropped()
    {
        var kept = CompromiseAssessment.InWindow([Evidence("m1", age: _options.EvidenceWindow + TimeSpan.FromTicks(1))], Now, _options);

        Assert.Empty(kept);
    }

    [Fact]
    public void Weigh_ExactlyRecentWindowOld_CountsOne()
    {
        var assessment = CompromiseAssessment.Weigh([Evidence("m1", age: _options.RecentWindow)], NoWaves, Now, _options);

        Assert.Equal(1, assessment.Score);
    }

    [Fact]
    public void Weigh_ATickOlderThanRecentWindow_CountsHalf()
    {
        var assessment = CompromiseAssessment.Weigh([Evidence("m1", age: _options.RecentWindow + TimeSpan.FromTicks(1))], NoWaves, Now, _options);

        Assert.Equal(0.5, assessment.Score);
    }

    [Fact]
    public void Weigh_RecentAndOlderMessages_AddsTheirWeights()
    {
        List<CompromiseEvidence> evidence = [Evidence("m1", TimeSpan.FromHours(1)), Evidence("m2", TimeSpan.FromDays(3)), Evidence("m3", TimeSpan.FromDays(5))];

        var assessment = CompromiseAssessment.Weigh(evidence, NoWaves, Now, _options);

        Assert.Equal(2, assessment.Score);
        Assert.Equal(evidence, assessment.Evidence);
    }

    [Fact]
    public void Weigh_WaveOfExactlyWaveMailboxes_AddsOne()
    {
        var assessment = CompromiseAssessment.Weigh([Evidence("m1", TimeSpan.Zero)], Waves(("c1", _options.WaveMailboxes)), Now, _options);

        Assert.Equal(2, assessment.Score);
    }

    [Fact]
    public void Weigh_WaveBelowWaveMailboxes_AddsNothing()
    {
        var assessment = CompromiseAssessment.Weigh([Evidence("m1", TimeSpan.Zero)], Waves(("c1", _options.WaveMailboxes - 1)), Now, _options);

        Assert.Equal(1, assessment.Score);
    }

    [Fact]
    public void Weigh_SeveralCopiesOfOneWave_AddsTheWaveOnce()
    {
        List<CompromiseEvidence> evidence = [Evidence("m1", TimeSpan.Zero), Evidence("m2", TimeSpan.Zero), Evidence("m3", TimeSpan.Zero, "c2")];

        var assessment = CompromiseAssessment.Weigh(evidence, Waves(("c1", 5), ("c2", 5)), Now, _options);

        Assert.Equal(5, assessment.Score);
    }

    [Fact]
    public void Weigh_CampaignWithoutAWave_AddsNothingEvenForAWaveOfOne()
    {
        _options.WaveMailboxes = 1;

        var assessment = CompromiseAssessment.Weigh([Evidence("m1", TimeSpan.Zero)], NoWaves, Now, _options);

        Assert.Equal(1, assessment.Score);
    }

    [Fact]
    public void Campaigns_RepeatedCampaign_IsListedOnceInFirstSeenOrder()
    {
        var campaigns = CompromiseAssessment.Campaigns([Evidence("m1", TimeSpan.Zero, "c2"), Evidence("m2", TimeSpan.Zero, "c1"), Evidence("m3", TimeSpan.Zero, "c2")]);

        Assert.Equal(["c2", "c1"], campaigns);
    }

    [Fact]
    public void IsCompromised_ScoreExactlyAtThreshold_IsTrue()
    {
        var assessment = new CompromiseAssessment([Evidence("m1", TimeSpan.Zero)], _options.Threshold);

        Assert.True(assessment.IsCompromised(_options));
    }

    [Fact]
    public void IsCompromised_ScoreJustBelowThreshold_IsFalse()
    {
        var assessment = new CompromiseAssessment([Evidence("m1", TimeSpan.Zero)], _options.Threshold - 0.01);

        Assert.False(assessment.IsCompromised(_options));
    }

    [Fact]
    public void IsCompromised_NoEvidenceUnderAThresholdOfZero_IsFalse()
    {
        _options.Threshold = 0;

        Assert.False(new CompromiseAssessment([], 0).IsCompromised(_options));
    }

    [Fact]
    public void MailboxesToAssess_WaveNotFormed_AssessesTheMailboxAlone()
    {
        var toAssess = CompromiseAssessment.MailboxesToAssess("a", Wave(_options.WaveMailboxes - 1), waveAssessed: false, _options);

        Assert.Equal(["a"], toAssess);
    }

    [Fact]
    public void MailboxesToAssess_WaveJustFormed_AssessesTheWholeWave()
    {
        var wave = Wave(_options.WaveMailboxes);

        var toAssess = CompromiseAssessment.MailboxesToAssess(wave[0], wave, waveAssessed: false, _options);

        Assert.Equal(wave, toAssess);
    }

    [Fact]
    public void MailboxesToAssess_WaveFarPastItsSizeNotYetAssessed_AssessesTheWholeWave()
    {
        // However many copies were scanned at once before anyone looked: no timing is assumed.
        var wave = Wave(_options.WaveMailboxes + 500);

        var toAssess = CompromiseAssessment.MailboxesToAssess(wave[0], wave, waveAssessed: false, _options);

        Assert.Equal(wave, toAssess);
    }

    [Fact]
    public void MailboxesToAssess_WaveAssessedWhole_AssessesTheMailboxAlone()
    {
        var toAssess = CompromiseAssessment.MailboxesToAssess("a", Wave(_options.WaveMailboxes), waveAssessed: true, _options);

        Assert.Equal(["a"], toAssess);
    }

    [Fact]
    public void MailboxesToAssess_EvidenceAgainstASenderOutsideAFormingWave_AssessesTheSenderToo()
    {
        var wave = Wave(_options.WaveMailboxes);

        var toAssess = CompromiseAssessment.MailboxesToAssess("sender", wave, waveAssessed: false, _options);

        Assert.Equal([.. wave, "sender"], toAssess);
    }

    [Theory]
    [InlineData(-1, false)]
    [InlineData(0, true)]
    public void IsFormed_CountsFromTheWaveSize(int beyondSize, bool formed)
    {
        Assert.Equal(formed, CompromiseAssessment.IsFormed(Wave(_options.WaveMailboxes + beyondSize), _options));
    }

    private static CompromiseEvidence Evidence(string messageId, TimeSpan age, string campaignId = "c1") => new("mailbox", messageId, campaignId, Now - age);

    private static Dictionary<string, int> Waves(params (string CampaignId, int Mailboxes)[] waves) =>
        waves.ToDictionary(w => w.CampaignId, w => w.Mailboxes, StringComparer.Ordinal);

    private static List<string> Wave(int mailboxes) => [.. Enumerable.Range(0, mailboxes).Select(i => $"mailbox{i:D2}")];
}
