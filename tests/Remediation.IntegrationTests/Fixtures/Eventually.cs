namespace Remediation.IntegrationTests.Fixtures;

/// <summary>Polls a condition the pipeline reaches asynchronously, within a deadline.</summary>
internal static class Eventually
{
    private static readonly TimeSpan DefaultPatience = TimeSpan.FromSeconds(90);

    public static async Task<bool> TrueAsync(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) return false;
            await Task.Delay(100);
        }
        return true;
    }

    /// <summary>Fails the test, saying what never happened, when the condition does not hold in time.</summary>
    public static async Task AssertAsync(Func<bool> condition, string because, TimeSpan? timeout = null)
    {
        var patience = timeout ?? DefaultPatience;
        Assert.True(await TrueAsync(condition, patience), $"Not within {patience.TotalSeconds:F0} s: {because}.");
    }
}
