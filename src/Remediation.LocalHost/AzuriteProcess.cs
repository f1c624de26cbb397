using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Remediation.LocalHost;

/// <summary>
/// Azurite (the Azure Storage emulator, installed by <c>npm ci</c>) on free loopback ports for one run: in memory,
/// or on disk when the run must survive a restart of the emulator.
/// </summary>
public sealed partial class AzuriteProcess : IAsyncDisposable
{
    // Azurite's published development account: a well-known value, not a secret.
    private const string DevAccount = "devstoreaccount1";
    private const string DevKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private static readonly string[] Services = ["Blob", "Queue", "Table"];

    private readonly string _workingDirectory;
    private readonly bool _persistent;
    private readonly bool _logRequests;
    private Process? _process;

    private AzuriteProcess(string workingDirectory, bool persistent, bool logRequests)
    {
        _workingDirectory = workingDirectory;
        _persistent = persistent;
        _logRequests = logRequests;
    }

    public int BlobPort { get; private set; }
    public int QueuePort { get; private set; }
    public int TablePort { get; private set; }

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={DevAccount};AccountKey={DevKey};" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/{DevAccount};" +
        $"QueueEndpoint=http://127.0.0.1:{QueuePort}/{DevAccount};" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/{DevAccount};";

    /// <summary>An in-memory emulator.</summary>
    public static Task<AzuriteProcess> StartAsync(CancellationToken cancellationToken = default) => StartAsync(persistent: false, cancellationToken);

    /// <param name="persistent">Keep the data on disk, so <see cref="StopAsync"/> and <see cref="RestartAsync"/> lose nothing.</param>
    /// <param name="logRequests">Write Azurite's debug log, for <see cref="StorageCallsByKindAsync"/>; it slows the emulator.</param>
    public static async Task<AzuriteProcess> StartAsync(bool persistent, CancellationToken cancellationToken = default, bool logRequests = false)
    {
        var azurite = new AzuriteProcess(Directory.CreateTempSubdirectory("azurite-").FullName, persistent, logRequests);
        await azurite.LaunchAsync(0, 0, 0, cancellationToken);
        return azurite;
    }

    /// <summary>
    /// Every storage call served so far, by kind (see <see cref="StorageRequestLog"/>); empty unless started to log them.
    /// Azurite writes its log well behind the calls under load, in order: a marker request is sent, and the log is
    /// read once the marker is in it.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, long>> StorageCallsByKindAsync(CancellationToken cancellationToken = default)
    {
        if (!_logRequests) return new Dictionary<string, long>();
        var marker = $"log-marker-{Guid.NewGuid():N}";
        using (var http = new HttpClient())
        {
            // Unsigned, so refused; logged all the same.
            using var _ = await http.GetAsync(new Uri($"http://127.0.0.1:{QueuePort}/{DevAccount}/{marker}?comp=metadata"), cancellationToken);
        }
        while (!StorageRequestLog.Contains(DebugLog, marker))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
        }
        return StorageRequestLog.CountByKind(DebugLog).Where(k => !k.Key.Contains("log-marker-", StringComparison.Ordinal)).ToDictionary();
    }

    private string DebugLog => Path.Combine(_workingDirectory, "debug.log");

    /// <summary>Stops the emulator; storage calls fail until <see cref="RestartAsync"/>.</summary>
    public async Task StopAsync()
    {
        if (_process is { HasExited: false } process)
        {
            // Asked to stop, Azurite writes its state to disk first; killed, it would lose the last seconds of it.
            if (_persistent && !OperatingSystem.IsWindows())
            {
                using var terminate = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]);
                await terminate.WaitForExitAsync();
                using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await process.WaitForExitAsync(grace.Token).ContinueWith(_ => { }, TaskScheduler.Default);
            }
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        _process?.Dispose();
        _process = null;
    }

    /// <summary>Freezes the emulator (SIGSTOP): connections stay open and every call hangs, as with storage that is slow.</summary>
    public Task PauseAsync() => SignalAsync("-STOP");

    /// <summary>Lets a paused emulator run again (SIGCONT).</summary>
    public Task ResumeAsync() => SignalAsync("-CONT");

    private async Task SignalAsync(string signal)
    {
        if (_process is not { HasExited: false } process) throw new InvalidOperationException("Azurite is not running.");
        using var kill = Process.Start("kill", [signal, process.Id.ToString(CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }

    /// <summary>Starts the emulator again on the same ports (and, when persistent, with the same data).</summary>
    public Task RestartAsync(CancellationToken cancellationToken = default) => LaunchAsync(BlobPort, QueuePort, TablePort, cancellationToken);

    /// <summary>Stops the emulator and deletes what it stored.</summary>
    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(_workingDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless.
        }
    }

    private async Task LaunchAsync(int blobPort, int queuePort, int tablePort, CancellationToken cancellationToken)
    {
        var executable = FindExecutable();
        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = _workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] storage = _persistent ? ["--location", Path.Combine(_workingDirectory, "data")] : ["--inMemoryPersistence"];
        string[] debug = _logRequests ? ["--debug", DebugLog] : [];
        foreach (var argument in storage.Concat(debug).Concat(
        [
            "--silent", "--skipApiVersionCheck", "--disableTelemetry",
            "--blobHost", "127.0.0.1", "--blobPort", Port(blobPort),
            "--queueHost", "127.0.0.1", "--queuePort", Port(queuePort),
            "--tableHost", "127.0.0.1", "--tablePort", Port(tablePort),
        ]))
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {executable}.");
        var ports = new Dictionary<string, int>();
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new StringBuilder();
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
                if (match.Success) ports[match.Groups["service"].Value] = int.Parse(match.Groups["port"].Value, CultureInfo.InvariantCulture);
                if (Services.All(ports.ContainsKey)) ready.TrySetResult();
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
            process.Dispose();
            lock (ports)
            {
                throw new InvalidOperationException($"Azurite did not start listening within 60 s. Its output:\n{output}");
            }
        }
        _process = process;
        (BlobPort, QueuePort, TablePort) = (ports["Blob"], ports["Queue"], ports["Table"]);
    }

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);

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
