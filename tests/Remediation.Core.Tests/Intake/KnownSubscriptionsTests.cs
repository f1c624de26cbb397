using Microsoft.Extensions.Time.Testing;
using Remediation.Core.Intake;
using Remediation.Core.Subscriptions;

namespace Remediation.Core.Tests.Intake;

/// <summary>
/// Which subscriptions the webhook takes for ours, on the in-memory registry: only a live one that is still its
/// mailbox's current subscription, and an answer is reused for five minutes.
/// </summary>
public sealed class KnownSubscriptionsTests
{
    private const string Mailbox = "3f1c2a9b-0000-4000-8000-0000000000a1";
    private static readonly TimeSpan Freshness = TimeSpan.FromMinutes(5);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));
    private readonly InMemorySubscriptionRegistry _registry = new();
    private readonly KnownSubscriptions _known;

    public KnownSubscriptionsTests() => _known = new KnownSubscriptions(_registry, _clock);

    [Fact]
    public async Task MailboxOf_LiveSubscription_IsItsMailbox()
    {
        await SaveAsync("sub-1", _clock.GetUtcNow().AddDays(1));

        Assert.Equal(Mailbox, await _known.MailboxOfAsync("sub-1", CancellationToken.None));
    }

    [Fact]
    public async Task MailboxOf_UnknownSubscription_IsNull()
    {
        await SaveAsync("sub-1", _clock.GetUtcNow().AddDays(1));

        Assert.Null(await _known.MailboxOfAsync("sub-2", CancellationToken.None));
    }

    [Fact]
    public async Task MailboxOf_SubscriptionReplacedInItsMailbox_IsNull()
    {
        await SaveAsync("sub-old", _clock.GetUtcNow().AddDays(1));
        await SaveAsync("sub-new", _clock.GetUtcNow().AddDays(1));

        var old = await _known.MailboxOfAsync("sub-old", CancellationToken.None);
        var current = await _known.MailboxOfAsync("sub-new", CancellationToken.None);

        Assert.Null(old);
        Assert.Equal(Mailbox, current);
    }

    [Fact]
    public async Task MailboxOf_SubscriptionExpiringThisInstant_IsNull()
    {
        await SaveAsync("sub-1", _clock.GetUtcNow());

        Assert.Null(await _known.MailboxOfAsync("sub-1", CancellationToken.None));
    }

    [Fact]
    public async Task MailboxOf_SubscriptionExpiringOneTickLater_IsItsMailbox()
    {
        await SaveAsync("sub-1", _clock.GetUtcNow().AddTicks(1));

        Assert.Equal(Mailbox, await _known.MailboxOfAsync("sub-1", CancellationToken.None));
    }

    [Fact]
    public async Task MailboxOf_ReplacedJustUnderFiveMinutesAfterTheRead_IsStillAnsweredFromMemory()
    {
        await SaveAsync("sub-old", _clock.GetUtcNow().AddDays(1));
        await _known.MailboxOfAsync("sub-old", CancellationToken.None);
        await SaveAsync("sub-new", _clock.GetUtcNow().AddDays(1));
        _clock.Advance(Freshness - TimeSpan.FromTicks(1));

        var mailbox = await _known.MailboxOfAsync("sub-old", CancellationToken.None);

        // A burst costs one registry read per subscription; the price is a few minutes of a stale answer.
        Assert.Equal(Mailbox, mailbox);
    }

    [Fact]
    public async Task MailboxOf_FiveMinutesAfterTheRead_ReadsTheRegistryAgain()
    {
        await SaveAsync("sub-old", _clock.GetUtcNow().AddDays(1));
        await _known.MailboxOfAsync("sub-old", CancellationToken.None);
        await SaveAsync("sub-new", _clock.GetUtcNow().AddDays(1));
        _clock.Advance(Freshness);

        Assert.Null(await _known.MailboxOfAsync("sub-old", CancellationToken.None));
    }

    [Fact]
    public async Task MailboxOf_UnknownThenSaved_IsFoundWithoutWaiting()
    {
        Assert.Null(await _known.MailboxOfAsync("sub-1", CancellationToken.None));
        await SaveAsync("sub-1", _clock.GetUtcNow().AddDays(1));

        var mailbox = await _known.MailboxOfAsync("sub-1", CancellationToken.None);

        Assert.Equal(Mailbox, mailbox);
    }

    [Fact]
    public async Task MailboxOf_IdInOtherCasing_IsNull()
    {
        await SaveAsync("sub-1", _clock.GetUtcNow().AddDays(1));
        await _known.MailboxOfAsync("sub-1", CancellationToken.None);

        Assert.Null(await _known.MailboxOfAsync("SUB-1", CancellationToken.None));
    }

    private Task SaveAsync(string subscriptionId, DateTimeOffset expiresAt) =>
        _registry.SaveAsync(new MailboxSubscription(Mailbox, subscriptionId, expiresAt), CancellationToken.None);
}
