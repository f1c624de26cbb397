namespace Remediation.Showcase.Bench;

/// <summary>The machine a bench ran on, and how busy it was with other work when the bench started and ended.</summary>
/// <param name="LoadAverage">The 1, 5 and 15 minute load averages (Linux), at the start and at the end.</param>
internal sealed record BenchMachine(int Cores, string OperatingSystem, string Runtime, long MemoryBytes, IReadOnlyList<string> LoadAverage)
{
    /// <summary>The load averages now, or an empty string where the system does not publish them.</summary>
    public static string CurrentLoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "";
}
