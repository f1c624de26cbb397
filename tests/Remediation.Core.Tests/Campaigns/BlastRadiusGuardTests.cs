using Remediation.Core.Campaigns;
using Remediation.Core.Queues;
using Remediation.Core.Remediation;
using Remediation.Core.Scanning;
using Remediation.Core.Scanning.Rules;

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
    private static readonly MaliciousMessage LiftedByArrival = Seed(13, arrived: true);
    private static readonly MaliciousMessage StrongContent = Seed(14.5, arrived: true);
    private static readonly MaliciousMessage Delivered = Seed(10.5);

    [Theory]
    [InlineData(14.5, true, false, true)]
    [InlineData(12, false, false, true)]
    [InlineData(13, true, false, false)]
    [InlineData(11.9, false, false, false)]
    [InlineData(20, true, true, false)]
    public void SpeaksForEveryCopy_Seed_OnlyWhenItsContentReachesTheFloorWithoutTheArrivalPoints(double score, bool arrived, bool copyBound, bool speaks) =>
        Assert.Equal(speaks, Guard.SpeaksForEveryCopy(Seed(score, arrived) with { CopyBound = copyBound }));

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
    public void LooksBeyondItsCopy_SeedLiftedByArrival_NotWithoutACampaignNorInOneOfItsKind() =>
        Assert.Equal((false, false), (Guard.LooksBeyondItsCopy(LiftedByArrival, null), Guard.LooksBeyondItsCopy(LiftedByArrival, CampaignOf(LiftedByArrival, CampaignStatus.Active))));

    [Fact]
    public void LooksBeyondItsCopy_SeedLiftedByArrivalInACampaignThatSpeaksForEveryCopy_Looks() =>
        Assert.Equal((true, true), (Guard.LooksBeyondItsCopy(LiftedByArrival, CampaignOf(StrongContent, CampaignStatus.Active)), Guard.LooksBeyondItsCopy(LiftedByArrival, CampaignOf(LiftedByArrival, CampaignStatus.Approved))));

    // Below the floor, a seed only measures how far what waits for the SOC reaches; a copy-bound one reaches nothing
    // beyond its copy, whose recipients the attacker who placed it wrote.
    [Fact]
    public void LooksBeyondItsCopy_SeedStrongInContentOrBelowTheFloor_LooksUnlessCopyBound() =>
        Assert.Equal((true, true, false), (Guard.LooksBeyondItsCopy(StrongContent, null), Guard.LooksBeyondItsCopy(Delivered, null),
            Guard.LooksBeyondItsCopy(Seed(10.5, arrived: true) with { CopyBound = true }, null)));

    [Fact]
    public void WaitsForSoc_CopyBelowTheFloorJoinsACampaignLiftedByArrival_SaysSo() =>
        Assert.Equal("a copy scoring 10.5, below the floor 12, waits: the campaign acts alone only on copies the way they arrived made malicious",
            Guard.WaitsForSoc(Delivered, CampaignOf(LiftedByArrival, CampaignStatus.Active)));

    [Fact]
    public void WaitsForSoc_CopyReachingTheFloorOrACampaignThatSpeaksForEveryCopy_DoesNotWait() =>
        Assert.Equal((null, null, null), (
            Guard.WaitsForSoc(LiftedByArrival, CampaignOf(LiftedByArrival, CampaignStatus.Active)),
            Guard.WaitsForSoc(Delivered, CampaignOf(StrongContent, CampaignStatus.Active)),
            Guard.WaitsForSoc(Delivered, CampaignOf(LiftedByArrival, CampaignStatus.Approved))));

    [Fact]
    public void ActsDespiteHold_CopyLiftedByArrivalInACampaignHeldForItsScore_Acts() =>
        Assert.True(Guard.ActsDespiteHold(LiftedByArrival, CampaignOf(Delivered, CampaignStatus.Held)));

    // Held for its reach (its score reached the floor), released by the SOC, or a copy below the floor: nothing acts.
    [Fact]
    public void ActsDespiteHold_HeldForReachReleasedOrBelowTheFloor_DoesNot() =>
        Assert.Equal((false, false, false), (
            Guard.ActsDespiteHold(LiftedByArrival, CampaignOf(StrongContent, CampaignStatus.Held)),
            Guard.ActsDespiteHold(LiftedByArrival, CampaignOf(Delivered, CampaignStatus.Released)),
            Guard.ActsDespiteHold(Seed(11, arrived: true), CampaignOf(Delivered, CampaignStatus.Held))));

    [Fact]
    public void Cap_IsTheOptionsMailboxLimit() => Assert.Equal(Cap, Guard.Cap);

    [Fact]
    public void GrownBeyondCap_SaysHowFarItReaches() =>
        Assert.Equal("it now reaches 9 mailboxes, more than 6", Guard.GrownBeyondCap(9));

    // A copy that arrived without transport carries the rules for it: 2.5 points.
    private static MaliciousMessage Seed(double score, bool arrived = false) =>
        new("c1", "alice", "copy-a", "<lure@sender.example>", ThreatCategory.Phishing, score,
            arrived ? ["R1", TransportBypassRule.Name, NoReceivedHopsRule.Name] : ["R1"], DateTimeOffset.UnixEpoch);

    private static Campaign CampaignOf(MaliciousMessage seed, CampaignStatus status) =>
        new(seed.CampaignId, seed.Category, seed.Score, seed.Rules, seed.NotifiedAt, status, seed);
}
