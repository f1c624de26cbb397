namespace Remediation.IntegrationTests.Fixtures;

/// <summary>Waits for a condition the pipeline reaches asynchronously, and fails the test, saying what never happened, at the deadline.</summary>
internal static class Eventually
{
    private static readonly TimeSpan DefaultPatience = TimeSpan.FromSeconds(90);

    public static Task AssertAsync(Func<bool> condition, string because, TimeSpan? timeout = null) =>
        AssertAsync(condition, () => because, timeout);

    /// <param name="because">Read at the deadline, so it can say how far the pipeline got.</param>
    public static async Task AssertAsync(Func<bool> condition, Func<string> because, TimeSpan? timeout = null)
    {
        var patience = timeout ?? DefaultPatience;
        var deadline = DateTime.UtcNow + patience;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"Not within {patience.TotalSeconds:F0} s: {because()}.");
            await Task.Delay(100);
        }
    }
}
