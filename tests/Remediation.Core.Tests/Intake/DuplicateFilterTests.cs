using Microsoft.Extensions.Time.Testing;
using Remediation.Core.Intake;

namespace Remediation.Core.Tests.Intake;

/// <summary>A key is remembered for at least one window after it was first seen, and forgotten within two.</summary>
public sealed class DuplicateFilterTests
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(10);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));
    private readonly DuplicateFilter _filter;

    public DuplicateFilterTests() => _filter = new DuplicateFilter(Window, _clock);

    [Fact]
    public void TryAdd_FirstSight_IsNew() => Assert.True(_filter.TryAdd("mailbox/message"));

    [Fact]
    public void TryAdd_RepeatWithinTheWindow_IsARepeat()
    {
        _filter.TryAdd("mailbox/message");
        _clock.Advance(Window - TimeSpan.FromSeconds(1));

        Assert.False(_filter.TryAdd("mailbox/message"));
    }

    [Fact]
    public void TryAdd_OtherKey_IsNew()
    {
        _filter.TryAdd("mailbox/message");

        Assert.True(_filter.TryAdd("mailbox/other"));
    }

    [Fact]
    public void TryAdd_KeySeenJustBeforeTheGenerationsTurn_IsStillARepeatAfterIt()
    {
        _clock.Advance(Window - TimeSpan.FromSeconds(1));
        _filter.TryAdd("mailbox/message");
        _clock.Advance(TimeSpan.FromSeconds(2));

        // The turn moved the key to the previous generation, which is still consulted.
        Assert.False(_filter.TryAdd("mailbox/message"));
        Assert.False(_filter.TryAdd("mailbox/message"));
    }

    [Fact]
    public void TryAdd_OneWindowAfterATurn_ForgetsWhatCameBeforeIt()
    {
        _filter.TryAdd("mailbox/message");
        _clock.Advance(Window);
        _filter.TryAdd("mailbox/other");
        _clock.Advance(Window);

        Assert.True(_filter.TryAdd("mailbox/message"));
        Assert.False(_filter.TryAdd("mailbox/other"));
    }

    [Fact]
    public void TryAdd_AfterTwoQuietWindows_RemembersNothing()
    {
        _filter.TryAdd("mailbox/message");
        _clock.Advance(Window * 2);

        Assert.True(_filter.TryAdd("mailbox/message"));
    }

    [Fact]
    public void Remove_KeyInEitherGeneration_CountsAsNewNextTime()
    {
        _filter.TryAdd("mailbox/old");
        _clock.Advance(Window);
        _filter.TryAdd("mailbox/new");

        _filter.Remove("mailbox/old");
        _filter.Remove("mailbox/new");

        Assert.True(_filter.TryAdd("mailbox/old"));
        Assert.True(_filter.TryAdd("mailbox/new"));
    }
}
