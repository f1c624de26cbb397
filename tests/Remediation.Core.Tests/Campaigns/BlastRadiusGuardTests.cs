using Remediation.Core.Campaigns;
using Remediation.Core.Queues;
using Remediation.Core.Remediation;
using Remediation.Core.Scanning;

namespace Remediation.Core.Tests.Campaigns;

public sealed class BlastRadiusGuardTests
{
    private const int Cap = 6;
    private const double Floor = 12;
    private static readonly BlastRadiusGuard Guard = new(new RemediationOptions { MaxMailboxesPerCampaign = Cap, MinimumScoreToAct = Floor });

    [Fact]
    public void HoldAtBirth_ScoreAtTheFloorWithinTheCap_Acts() => Assert.Null(Guard.HoldAtBirth(Floor, Cap));

    [Theory]
    [InlineData(11.9)]
    [InlineData(0)]
    [InlineData(-5)]
    public void HoldAtBirth_ScoreBelowTheFloor_HoldsSayingSo(double score)
    {
        var reason = Guard.HoldAtBirth(score, reach: 1);

        Assert.Equal($"score {score.ToString(System.Globalization.CultureInfo.InvariantCulture)} is below the floor 12", reason);
    }

    [Fact]
    public void HoldAtBirth_OneMailboxBeyondTheCap_HoldsSayingSo() =>
        Assert.Equal("it reaches 7 mailboxes, more than 6", Guard.HoldAtBirth(Floor + 10, Cap + 1));

    [Fact]
    public void HoldAtBirth_LowScoreAndWideReach_NamesTheScoreFirst() =>
        Assert.StartsWith("score 3 is below", Guard.HoldAtBirth(3, Cap + 100));

    // Content 10.5 is malicious but below the floor; 2.5 points for bypassing transport lift this copy to 13.
    private static readonly MaliciousMessage LiftedByArrival = Seed(13, arrivalPoints: 2.5);
    private static readonly MaliciousMessage StrongContent = Seed(14.5, arrivalPoints: 2.5);
    private static readonly MaliciousMessage Delivered = Seed(10.5);

    [Theory]
    [InlineData(14.5, 2.5, false, true)]
    [InlineData(12, 0, false, true)]
    [InlineData(13, 2.5, false, false)]
    [InlineData(11.9, 0, false, false)]
    [InlineData(20, 2.5, true, false)]
    public void SpeaksForEveryCopy_Seed_OnlyWhenItsContentReachesTheFloorWithoutTheArrivalPoints(double score, double arrivalPoints, bool copyBound, bool speaks) =>
        Assert.Equal(speaks, Guard.SpeaksForEveryCopy(Seed(score, arrivalPoints) with { CopyBound = copyBound }));

    [Theory]
    [InlineData(CampaignStatus.Active, false)]
    [InlineData(CampaignStatus.Approved, true)]
    [InlineData(CampaignStatus.Held, false)]
    public void SpeaksForEveryCopy_CampaignOfASeedLiftedByArrival_OnlyOnceApproved(CampaignStatus status, bool speaks) =>
        Assert.Equal(speaks, Guard.SpeaksForEveryCopy(CampaignOf(LiftedByArrival, status)));

    [Theory]
    [InlineData(CampaignStatus.Active, true)]
    [InlineData(CampaignStatus.Held, false)]
    [InlineData(CampaignStatus.Released, false)]
    public void SpeaksForEveryCopy_CampaignOfASeedStrongInContent_WhileItActs(CampaignStatus status, bool speaks) =>
        Assert.Equal(speaks, Guard.SpeaksForEveryCopy(CampaignOf(StrongContent, status)));

    [Fact]
    public void ActsOnItsCopyAlone_SeedLiftedByArrival_WithoutACampaignOrInOneOfItsKind() =>
        Assert.Equal((true, true), (Guard.ActsOnItsCopyAlone(LiftedByArrival, null), Guard.ActsOnItsCopyAlone(LiftedByArrival, CampaignOf(LiftedByArrival, CampaignStatus.Active))));

    [Fact]
    public void ActsOnItsCopyAlone_SeedLiftedByArrivalInACampaignThatSpeaksForEveryCopy_LooksTenantWide() =>
        Assert.Equal((false, false), (Guard.ActsOnItsCopyAlone(LiftedByArrival, CampaignOf(StrongContent, CampaignStatus.Active)), Guard.ActsOnItsCopyAlone(LiftedByArrival, CampaignOf(LiftedByArrival, CampaignStatus.Approved))));

    [Fact]
    public void ActsOnItsCopyAlone_SeedStrongInContentOrBelowTheFloor_No() =>
        Assert.Equal((false, false), (Guard.ActsOnItsCopyAlone(StrongContent, null), Guard.ActsOnItsCopyAlone(Delivered, null)));

    [Fact]
    public void HoldForLaterSeed_CopyBelowTheFloorJoinsACampaignLiftedByArrival_HoldsSayingSo() =>
        Assert.Equal("a copy scoring 10.5, below the floor 12, joined a campaign that acts only on copies the way they arrived made malicious",
            Guard.HoldForLaterSeed(Delivered, CampaignOf(LiftedByArrival, CampaignStatus.Active)));

    [Fact]
    public void HoldForLaterSeed_CopyReachingTheFloorOrACampaignThatSpeaksForEveryCopy_DoesNotHold() =>
        Assert.Equal((null, null, null), (
            Guard.HoldForLaterSeed(LiftedByArrival, CampaignOf(LiftedByArrival, CampaignStatus.Active)),
            Guard.HoldForLaterSeed(Delivered, CampaignOf(StrongContent, CampaignStatus.Active)),
            Guard.HoldForLaterSeed(Delivered, CampaignOf(LiftedByArrival, CampaignStatus.Approved))));

    [Fact]
    public void Cap_IsTheOptionsMailboxLimit() => Assert.Equal(Cap, Guard.Cap);

    [Fact]
    public void GrownBeyondCap_SaysHowFarItReaches() =>
        Assert.Equal("it now reaches 9 mailboxes, more than 6", Guard.GrownBeyondCap(9));

    private static MaliciousMessage Seed(double score, double arrivalPoints = 0) =>
        new("c1", "alice", "copy-a", "<lure@sender.example>", ThreatCategory.Phishing, score, ["R1"], DateTimeOffset.UnixEpoch, ArrivalPoints: arrivalPoints);

    private static Campaign CampaignOf(MaliciousMessage seed, CampaignStatus status) =>
        new(seed.CampaignId, seed.Category, seed.Score, seed.Rules, seed.NotifiedAt, status, seed);
}
