using System.Net;
using System.Net.Sockets;
using System.Text;
using Remediation.Core.Scanning.Corpus;

namespace Remediation.Core.Tests.Scanning.Corpus;

/// <summary>The tests put stand-ins for spamd and spamc first on PATH, so they run alone.</summary>
[CollectionDefinition(nameof(SearchPath), DisableParallelization = true)]
public class SearchPath;

[Collection(nameof(SearchPath))]
public sealed class SpamAssassinDaemonTests : IDisposable
{
    private const int Port = 17830;

    // Floods both output pipes before it says it started, so it starts only if they are drained; then waits in a child.
    private const string FakeSpamd = """
        #!/bin/sh
        yes "spamd: log line on stderr" | head -c 200000 >&2
        yes "spamd: line on stdout" | head -c 200000
        sleep 120 &
        echo "$$ $! $*" > "$(dirname "$0")/spamd.started.tmp"
        mv "$(dirname "$0")/spamd.started.tmp" "$(dirname "$0")/spamd.started"
        wait
        """;

    // Answers as spamc -c does, with the number of bytes it read as the score, but only when asked as the daemon expects.
    private const string FakeSpamc = """
        #!/bin/sh
        [ "$*" = "-c -d 127.0.0.1 -p 17830 -s 10000000" ] || { echo "unexpected arguments: $*"; exit 1; }
        bytes=$(wc -c | tr -d ' ')
        echo "$bytes.5/5.0"
        """;

    private readonly TempFolder _folder = new();
    private readonly string? _path = Environment.GetEnvironmentVariable("PATH");

    public SpamAssassinDaemonTests()
    {
        Executable("spamd", FakeSpamd);
        Executable("spamc", FakeSpamc);
        Environment.SetEnvironmentVariable("PATH", _folder.Path + ":" + _path);
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("PATH", _path);
        _folder.Dispose();
    }

    [Fact]
    public void IsInstalled_SpamdAndSpamcOnThePath_IsTrue()
    {
        Assert.True(SpamAssassinDaemon.IsInstalled);
    }

    [Fact]
    public async Task ScoreAsync_Message_IsSpamcsScoreForIt()
    {
        var message = Encoding.ASCII.GetBytes("Subject: hi\r\n\r\nbody\r\n");

        var score = await SpamAssassinDaemon.ScoreAsync(message, CancellationToken.None);

        Assert.Equal(message.Length + 0.5, score);
    }

    [Fact]
    public async Task StartAsync_DaemonListening_StartsItAsOneLocalChildAndDisposeEndsIt()
    {
        using var listener = new TcpListener(IPAddress.Loopback, Port);
        listener.Start();

        var daemon = await SpamAssassinDaemon.StartAsync(CancellationToken.None);
        var started = (await StartedAsync()).Split(' ', 3);
        await daemon.DisposeAsync();

        Assert.Equal("-L --listen 127.0.0.1:17830 --max-children 1 --min-children 1 --syslog stderr -u nobody", started[2]);
        Assert.False(Directory.Exists($"/proc/{started[0]}"), "spamd has not been waited for");
        Assert.False(await RunsAsync(started[1]), "spamd's child still runs");
    }

    [Fact]
    public async Task StartAsync_DaemonListensOnlyAfterAWhile_WaitsForIt()
    {
        using var listener = new TcpListener(IPAddress.Loopback, Port);
        var listening = Task.Delay(700).ContinueWith(_ => listener.Start(), TaskScheduler.Default);

        await using var daemon = await SpamAssassinDaemon.StartAsync(CancellationToken.None);

        Assert.True(listening.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task StartAsync_DaemonNeverListens_IsStoppedAfterTheTimeout()
    {
        var error = await Assert.ThrowsAsync<TimeoutException>(() => SpamAssassinDaemon.StartAsync(TimeSpan.FromSeconds(1), CancellationToken.None));

        var started = (await StartedAsync()).Split(' ', 3);
        Assert.Equal("spamd did not listen within 1 s.", error.Message);
        Assert.False(await RunsAsync(started[0]), "spamd still runs");
        Assert.False(await RunsAsync(started[1]), "spamd's child still runs");
    }

    [Fact]
    public void IsInstalledOn_FolderWithBoth_IsTrue()
    {
        Assert.True(SpamAssassinDaemon.IsInstalledOn(_folder.Path));
    }

    [Fact]
    public void IsInstalledOn_FolderWithTheDaemonAlone_IsFalse()
    {
        // spamc lives in /usr/bin where SpamAssassin is installed, never in /usr/sbin, which is searched too.
        var daemonOnly = Directory.CreateDirectory(Path.Combine(_folder.Path, "daemon-only")).FullName;
        File.Copy(Path.Combine(_folder.Path, "spamd"), Path.Combine(daemonOnly, "spamd"));

        Assert.False(SpamAssassinDaemon.IsInstalledOn(daemonOnly));
    }

    [Fact]
    public void FindOn_SeveralFoldersHoldIt_TheFirstOne()
    {
        var first = Directory.CreateDirectory(Path.Combine(_folder.Path, "first")).FullName;
        var second = Directory.CreateDirectory(Path.Combine(_folder.Path, "second")).FullName;
        File.WriteAllText(Path.Combine(second, "tool"), "");
        File.WriteAllText(Path.Combine(first, "tool"), "");

        Assert.Equal(Path.Combine(first, "tool"), SpamAssassinDaemon.FindOn($"{first}:{second}", "tool"));
    }

    [Fact]
    public void FindOn_OnlyALaterFolderHoldsIt_ThatOne()
    {
        var first = Directory.CreateDirectory(Path.Combine(_folder.Path, "first")).FullName;
        var second = Directory.CreateDirectory(Path.Combine(_folder.Path, "second")).FullName;
        File.WriteAllText(Path.Combine(second, "tool"), "");

        Assert.Equal(Path.Combine(second, "tool"), SpamAssassinDaemon.FindOn($"{first}:{second}", "tool"));
    }

    [Fact]
    public void FindOn_NoFolderHoldsIt_IsNull()
    {
        Assert.Null(SpamAssassinDaemon.FindOn(_folder.Path, "no-such-tool-" + Guid.NewGuid().ToString("N")));
    }

    [Fact]
    public void FindOn_NoSearchPath_StillLooksInUsrSbin()
    {
        var tool = Path.GetFileName(Directory.EnumerateFiles("/usr/sbin").First());

        Assert.Equal(Path.Combine("/usr/sbin", tool), SpamAssassinDaemon.FindOn(null, tool));
    }

    private async Task<string> StartedAsync()
    {
        var file = Path.Combine(_folder.Path, "spamd.started");
        for (var wait = 0; wait < 100 && !File.Exists(file); wait++) await Task.Delay(100);
        return File.ReadAllText(file).TrimEnd('\n');
    }

    // A killed process whose parent is gone may stay a zombie until the system reaps it: that no longer runs.
    private static async Task<bool> RunsAsync(string pid)
    {
        for (var wait = 0; wait < 20; wait++)
        {
            var stat = $"/proc/{pid}/stat";
            var state = File.Exists(stat) ? File.ReadAllText(stat).Split(") ")[^1].Split(' ')[0] : "gone";
            if (state is "gone" or "Z" or "X") return false;
            await Task.Delay(100);
        }
        return true;
    }

    private void Executable(string name, string script)
    {
        var file = _folder.Write(name, script.ReplaceLineEndings("\n") + "\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }
}
