namespace Remediation.TenantSimulator.Tests.Infrastructure;

/// <summary>Polls for a condition that background work makes true, failing after a timeout.</summary>
internal static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    public static async Task HoldsAsync(Func<bool> condition, string because, TimeSpan? timeout = null, Action? betweenPolls = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out waiting until {because}.");
            }

            betweenPolls?.Invoke();
            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }
    }
}
