using Remediation.Core.Scanning;
using Remediation.Core.Scanning.Rules;

namespace Remediation.Core.Tests.Scanning.Rules;

public class KnownCampaignRuleTests
{
    private readonly KnownCampaignRule _sut = new();

    [Fact]
    public void Evaluate_KnownCampaignMarker_FiresWithItsCategory()
    {
        var mime = TestMail.Load("Provenance", "colleague-note.eml");

        var hit = Assert.Single(_sut.Evaluate(TestMail.Read(mime, new ScanInput(mime) { KnownCampaign = new KnownCampaign("c-42", ThreatCategory.Phishing) })));

        Assert.Equal(ThreatCategory.Phishing, hit.Category);
        Assert.True(hit.Weight >= 10);
    }

    [Fact]
    public void Evaluate_NoMarker_DoesNotFire()
    {
        Assert.Empty(_sut.Evaluate(TestMail.Read("Provenance", "colleague-note.eml")));
    }

    [Fact]
    public void Evaluate_KnownMalwareCampaign_NamesTheCampaignAndItsJudgement()
    {
        var mime = TestMail.Load("Provenance", "colleague-note.eml");

        var hit = Assert.Single(_sut.Evaluate(TestMail.Read(mime, new ScanInput(mime) { KnownCampaign = new KnownCampaign("c-42", ThreatCategory.Malware) })));

        Assert.Equal(KnownCampaignRule.Name, hit.Rule);
        Assert.Equal(20, hit.Weight);
        Assert.Equal(ThreatCategory.Malware, hit.Category);
        Assert.Equal("Same fingerprint as campaign c-42, judged malware before.", hit.Reason);
    }
}
