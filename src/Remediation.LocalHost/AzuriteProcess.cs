using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Remediation.LocalHost;

/// <summary>
/// Azurite (the Azure Storage emulator, installed by <c>npm ci</c>) on free loopback ports, in memory, for one run.
/// </summary>
public sealed partial class AzuriteProcess : IAsyncDisposable
{
    // Azurite's published development account: a well-known value, not a secret.
    private const string DevAccount = "devstoreaccount1";
    private const string DevKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly Process _process;
    private readonly string _workingDirectory;

    private AzuriteProcess(Process process, string workingDirectory, IReadOnlyDictionary<string, int> ports)
    {
        _process = process;
        _workingDirectory = workingDirectory;
        BlobPort = ports["Blob"];
        QueuePort = ports["Queue"];
        TablePort = ports["Table"];
    }

    public int BlobPort { get; }
    public int QueuePort { get; }
    public int TablePort { get; }

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={DevAccount};AccountKey={DevKey};" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/{DevAccount};" +
        $"QueueEndpoint=http://127.0.0.1:{QueuePort}/{DevAccount};" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/{DevAccount};";

    public static async Task<AzuriteProcess> StartAsync(CancellationToken cancellationToken = default)
    {
        var executable = FindExecutable();
        var workingDirectory = Directory.CreateTempSubdirectory("azurite-").FullName;
        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--silent", "--inMemoryPersistence", "--skipApiVersionCheck", "--disableTelemetry",
            "--blobHost", "127.0.0.1", "--blobPort", "0",
            "--queueHost", "127.0.0.1", "--queuePort", "0",
            "--tableHost", "127.0.0.1", "--tablePort", "0",
        })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {executable}.");
        var ports = new Dictionary<string, int>();
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        void OnLine(string? line)
        {
            if (line is null) return;
            lock (ports)
            {
                output.AppendLine(line);
                var match = ListeningPattern().Match(line);
                if (match.Success) ports[match.Groups["service"].Value] = int.Parse(match.Groups["port"].Value, System.Globalization.CultureInfo.InvariantCulture);
                if (ports.Count == 3) ready.TrySetResult();
            }
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        try
        {
            await ready.Task.WaitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            lock (ports)
            {
                throw new InvalidOperationException($"Azurite did not start listening within 60 s. Its output:\n{output}");
            }
        }
        return new AzuriteProcess(process, workingDirectory, ports);
    }

    /// <summary>Stops the emulator; everything it stored is gone.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try
        {
            Directory.Delete(_workingDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless.
        }
    }

    private static string FindExecutable()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, "node_modules", ".bin", "azurite");
                if (File.Exists(candidate)) return candidate;
            }
        }
        throw new FileNotFoundException("Azurite is not installed: run `npm ci` at the repository root.");
    }

    [GeneratedRegex(@"Azurite (?<service>Blob|Queue|Table) service is successfully listening at http://[^:]+:(?<port>\d+)")]
    private static partial Regex ListeningPattern();
}
