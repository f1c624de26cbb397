using System.Diagnostics;
using Remediation.IntegrationTests.Fixtures;

namespace Remediation.IntegrationTests.Infrastructure;

/// <summary>The Bicep CLI the build downloaded (see the test project's PackageDownload).</summary>
internal static class BicepCli
{
    public static string Infra { get; } = Path.Combine(Repository.Root, "infra");

    /// <summary>Runs the CLI; the diagnostics are everything it wrote.</summary>
    public static async Task<(int ExitCode, string Diagnostics)> RunAsync(params string[] arguments)
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

    /// <summary>Compiles a template to ARM JSON and returns the JSON text.</summary>
    public static async Task<string> BuildAsync(string templatePath)
    {
        var output = Path.Combine(Path.GetTempPath(), $"{Path.GetFileNameWithoutExtension(templatePath)}-{Guid.NewGuid():N}.json");
        try
        {
            var (exitCode, diagnostics) = await RunAsync("build", templatePath, "--outfile", output);
            if (exitCode != 0) throw new InvalidOperationException($"bicep build {templatePath} failed: {diagnostics}");
            return await File.ReadAllTextAsync(output);
        }
        finally
        {
            File.Delete(output);
        }
    }
}
