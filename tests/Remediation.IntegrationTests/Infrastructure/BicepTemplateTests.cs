namespace Remediation.IntegrationTests.Infrastructure;

/// <summary>The deployment templates compile and pass the linter rules raised in infra/bicepconfig.json.</summary>
public class BicepTemplateTests
{
    private static readonly string Infra = BicepCli.Infra;

    [Fact]
    public async Task Build_MainTemplate_CompilesWithoutDiagnostics()
    {
        var output = Path.Combine(Path.GetTempPath(), $"main-{Guid.NewGuid():N}.json");

        var (exitCode, diagnostics) = await BicepCli.RunAsync("build", Path.Combine(Infra, "main.bicep"), "--outfile", output);

        Assert.True(exitCode == 0, diagnostics);
        Assert.True(string.IsNullOrWhiteSpace(diagnostics), diagnostics);
        Assert.Contains("Microsoft.Web/sites", await File.ReadAllTextAsync(output), StringComparison.Ordinal);
        File.Delete(output);
    }

    [Fact]
    public async Task Lint_MainTemplate_ReportsNothing()
    {
        var (exitCode, diagnostics) = await BicepCli.RunAsync("lint", Path.Combine(Infra, "main.bicep"));

        Assert.True(exitCode == 0, diagnostics);
        Assert.True(string.IsNullOrWhiteSpace(diagnostics), diagnostics);
    }

    [Fact]
    public async Task Lint_ExampleParameters_ReportsNothing()
    {
        var (exitCode, diagnostics) = await BicepCli.RunAsync("lint", Path.Combine(Infra, "main.bicepparam"));

        Assert.True(exitCode == 0, diagnostics);
        Assert.True(string.IsNullOrWhiteSpace(diagnostics), diagnostics);
    }

    [Fact]
    public async Task BuildParams_ExampleParameters_MatchTheTemplate()
    {
        var output = Path.Combine(Path.GetTempPath(), $"params-{Guid.NewGuid():N}.json");

        var (exitCode, diagnostics) = await BicepCli.RunAsync("build-params", Path.Combine(Infra, "main.bicepparam"), "--outfile", output);

        Assert.True(exitCode == 0, diagnostics);
        File.Delete(output);
    }
}
