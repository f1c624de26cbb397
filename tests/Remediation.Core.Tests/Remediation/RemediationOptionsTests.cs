using Remediation.Core.Remediation;
using Remediation.Core.Scanning;

namespace Remediation.Core.Tests.Remediation;

/// <summary>The tenant's choice of action per kind of threat.</summary>
public sealed class RemediationOptionsTests
{
    private readonly RemediationOptions _options = new()
    {
        PhishingAction = RemediationAction.MoveToJunk,
        MalwareAction = RemediationAction.SoftDelete,
        SpamAction = RemediationAction.Quarantine,
    };

    [Theory]
    [InlineData(ThreatCategory.Phishing, RemediationAction.MoveToJunk)]
    [InlineData(ThreatCategory.Malware, RemediationAction.SoftDelete)]
    [InlineData(ThreatCategory.Spam, RemediationAction.Quarantine)]
    [InlineData(ThreatCategory.Clean, RemediationAction.MoveToJunk)]
    public void ActionFor_Category_IsTheTenantsActionForIt(ThreatCategory category, RemediationAction expected)
    {
        var action = _options.ActionFor(category);

        Assert.Equal(expected, action);
    }

    [Fact]
    public void New_Defaults_QuarantineThreatsAndJunkSpamInAHiddenFolder()
    {
        var options = new RemediationOptions();

        Assert.Equal(RemediationAction.Quarantine, options.ActionFor(ThreatCategory.Phishing));
        Assert.Equal(RemediationAction.Quarantine, options.ActionFor(ThreatCategory.Malware));
        Assert.Equal(RemediationAction.MoveToJunk, options.ActionFor(ThreatCategory.Spam));
        Assert.Equal("Quarantine (security)", options.QuarantineFolderName);
        Assert.False(options.ReportOnly);
    }
}
