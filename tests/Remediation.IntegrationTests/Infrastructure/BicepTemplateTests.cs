using System.Diagnostics;
using Remediation.IntegrationTests.Fixtures;

namespace Remediation.IntegrationTests.Infrastructure;

/// <summary>The deployment templates compile and pass the linter rules raised in infra/bicepconfig.json.</summary>
public class BicepTemplateTests
{
    private static readonly string Infra = Path.Combine(Repository.Root, "infra");

    [Fact]
    public async Task Build_MainTemplate_CompilesWithoutDiagnostics()
    {
        var output = Path.Combine(Path.GetTempPath(), $"main-{Guid.NewGuid():N}.json");

        var (exitCode, diagnostics) = await BicepAsync("build", Path.Combine(Infra, "main.bicep"), "--outfile", output);

        Assert.True(exitCode == 0, diagnostics);
        Assert.True(string.IsNullOrWhiteSpace(diagnostics), diagnostics);
        Assert.Contains("Microsoft.Web/sites", await File.ReadAllTextAsync(output), StringComparison.Ordinal);
        File.Delete(output);
    }

    [Fact]
    public async Task Lint_MainTemplate_ReportsNothing()
    {
        var (exitCode, diagnostics) = await BicepAsync("lint", Path.Combine(Infra, "main.bicep"));

        Assert.True(exitCode == 0, diagnostics);
        Assert.True(string.IsNullOrWhiteSpace(diagnostics), diagnostics);
    }

    [Fact]
    public async Task BuildParams_ExampleParameters_MatchTheTemplate()
    {
        var output = Path.Combine(Path.GetTempPath(), $"params-{Guid.NewGuid():N}.json");

        var (exitCode, diagnostics) = await BicepAsync("build-params", Path.Combine(Infra, "main.bicepparam"), "--outfile", output);

        Assert.True(exitCode == 0, diagnostics);
        File.Delete(output);
    }

    private static async Task<(int ExitCode, string Diagnostics)> BicepAsync(params string[] arguments)
    {
        var executable = Repository.BicepExecutable;
        if (!OperatingSystem.IsWindows())
        {
            // NuGet does not keep the executable bit of files it extracts.
            File.SetUnixFileMode(executable, File.GetUnixFileMode(executable) | UnixFileMode.UserExecute);
        }
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["BICEP_TELEMETRY_ENABLED"] = "false";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, (await stderr) + (await stdout));
    }
}
