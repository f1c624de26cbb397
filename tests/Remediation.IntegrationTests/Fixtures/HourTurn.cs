namespace Remediation.IntegrationTests.Fixtures;

/// <summary>Tests of the hourly caps run on the real clock: one started just before the hour turns waits for it.</summary>
internal static class HourTurn
{
    public static async Task AvoidAsync(TimeSpan testLength)
    {
        var now = DateTimeOffset.UtcNow;
        var untilNextHour = TimeSpan.FromHours(1) - (now - new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero));
        if (untilNextHour < testLength) await Task.Delay(untilNextHour + TimeSpan.FromSeconds(1));
    }
}
