using Remediation.Core.Scanning;
using Remediation.Core.Scanning.Rules;

namespace Remediation.Core.Tests.Scanning.Rules;

public class CrimewareOfferRuleTests
{
    private readonly CrimewareOfferRule _sut = new();

    [Theory]
    [InlineData("New stock: cPanels, Shells, SMTPs, RDPs and Webmails. Fresh daily.", "\"cPanels\", \"Shells\", \"SMTPs\", \"RDPs\", \"Webmails\"")]
    [InlineData("Fullz, CVVs and bank logs, checked before sale.", "\"Fullz\", \"CVVs\", \"bank logs\"")]
    [InlineData("C-Panel, cpanels and CPANEL count once; shells and scam pages make three.", "\"C-Panel\", \"shells\", \"scam pages\"")]
    public void Evaluate_ThreeKindsOfCrimesTools_IsSpam(string body, string goods)
    {
        var hit = Assert.Single(_sut.Evaluate(TestMail.FromText("Shop update", body)));

        Assert.Equal(6, hit.Weight);
        Assert.Equal(ThreatCategory.Spam, hit.Category);
        Assert.Equal($"Sells the tools of mail and hacking crime: {goods}.", hit.Reason);
    }

    // A hosting notice names the services it runs, and a marketer's "leads" and "mailers" are not counted.
    [Theory]
    [InlineData("cPanel and webmail restart on Saturday; SMTPS on port 465 restarts once; SSH shell access stays up.")]
    [InlineData("Grow your leads: our bulk mailers and checkers manage it all from cPanel.")]
    [InlineData("cPanels, cPanel, c-panel.")]
    public void Evaluate_FewerThanThreeKinds_DoesNotFire(string body)
    {
        Assert.Empty(_sut.Evaluate(TestMail.FromText("Maintenance", body)));
    }
}
