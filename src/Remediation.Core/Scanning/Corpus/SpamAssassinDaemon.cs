using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;

namespace Remediation.Core.Scanning.Corpus;

/// <summary>
/// SpamAssassin's daemon with local tests only (<c>spamd -L</c>, one child: one core's worth), asked message by
/// message through <c>spamc</c>, as the baseline to compare the engine with.
/// </summary>
public sealed class SpamAssassinDaemon : IAsyncDisposable
{
    private const int Port = 17830;
    private readonly Process _daemon;

    private SpamAssassinDaemon(Process daemon) => _daemon = daemon;

    public static bool IsInstalled => IsInstalledOn(Environment.GetEnvironmentVariable("PATH"));

    internal static bool IsInstalledOn(string? searchPath) => FindOn(searchPath, "spamd") is not null && FindOn(searchPath, "spamc") is not null;

    public static Task<SpamAssassinDaemon> StartAsync(CancellationToken cancellationToken) => StartAsync(TimeSpan.FromSeconds(60), cancellationToken);

    /// <param name="listenTimeout">How long spamd may take to listen before it is stopped.</param>
    internal static async Task<SpamAssassinDaemon> StartAsync(TimeSpan listenTimeout, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(FindOnPath("spamd")!)
        {
            ArgumentList = { "-L", "--listen", $"127.0.0.1:{Port}", "--max-children", "1", "--min-children", "1", "--syslog", "stderr", "-u", "nobody" },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        // Stryker disable once String : Process.Start returns null only when it reuses a shell-started process, never here.
        var daemon = Process.Start(start) ?? throw new InvalidOperationException("spamd did not start.");
        // Stryker disable once Statement : an empty handler; the lines are read and dropped with or without it.
        daemon.ErrorDataReceived += (_, _) => { };
        daemon.BeginErrorReadLine();
        daemon.BeginOutputReadLine();
        var deadline = DateTime.UtcNow.Add(listenTimeout);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", Port, cancellationToken);
                return new SpamAssassinDaemon(daemon);
            }
            catch (SocketException)
            {
                // Stryker disable once Statement : only paces the attempts; without it they follow each other at once.
                await Task.Delay(250, cancellationToken);
            }
        }
        daemon.Kill(entireProcessTree: true);
        throw new TimeoutException($"spamd did not listen within {listenTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s.");
    }

    /// <summary>SpamAssassin's score for one message.</summary>
    public static async Task<double> ScoreAsync(byte[] message, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(FindOnPath("spamc")!)
        {
            ArgumentList = { "-c", "-d", "127.0.0.1", "-p", Port.ToString(CultureInfo.InvariantCulture), "-s", "10000000" },
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
        };
        // Stryker disable once String : Process.Start returns null only when it reuses a shell-started process, never here.
        using var spamc = Process.Start(start) ?? throw new InvalidOperationException("spamc did not start.");
        await spamc.StandardInput.BaseStream.WriteAsync(message, cancellationToken);
        spamc.StandardInput.Close();
        var output = await spamc.StandardOutput.ReadToEndAsync(cancellationToken);
        await spamc.WaitForExitAsync(cancellationToken);
        // "-c" answers "score/threshold".
        return double.Parse(output.Split('/')[0], CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        _daemon.Kill(entireProcessTree: true);
        await _daemon.WaitForExitAsync();
        // Stryker disable once Statement : the process has exited and been waited for; disposing only frees its handle early.
        _daemon.Dispose();
    }

    private static string? FindOnPath(string name) => FindOn(Environment.GetEnvironmentVariable("PATH"), name);

    /// <param name="searchPath">Folders separated by colons, as in <c>PATH</c>; <c>/usr/sbin</c> is searched after them.</param>
    internal static string? FindOn(string? searchPath, string name) =>
        (searchPath ?? "").Split(':').Append("/usr/sbin")
            .Select(directory => Path.Combine(directory, name)).FirstOrDefault(File.Exists);
}
