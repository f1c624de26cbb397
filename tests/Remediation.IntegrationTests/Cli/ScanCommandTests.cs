using Remediation.Cli.Commands;

namespace Remediation.IntegrationTests.Cli;

public class ScanCommandTests
{
    [Fact]
    public void Parse_AcceptedDomainBeforeTheFile_TakesOneDomainAndLeavesTheFileAPath()
    {
        var command = ScanCommand.Create();

        var parsed = command.Parse(["--accepted-domain", "contoso.example", "--accepted-domain", "fabrikam.example", "mail.eml"]);

        Assert.Empty(parsed.Errors);
        Assert.Equal(["contoso.example", "fabrikam.example"], parsed.GetValue<string[]>("--accepted-domain")!);
        Assert.Equal(["mail.eml"], parsed.GetValue<string[]>("paths")!);
    }
}
