using Remediation.Core.Hunting;
using Remediation.Core.Queues;
using Remediation.Core.Scanning;

namespace Remediation.Core.Tests.Hunting;

/// <summary>
/// The hunts what the tenant learned starts: one per entry added to the block lists and a re-scan for a new engine,
/// none on the first start, each once however often the app starts, and what each start records for the next.
/// </summary>
public sealed class HuntTriggersTests
{
    // What the store keeps between starts, under the names the running app wrote before.
    private const string BlockListsSeen = "block-lists";
    private const string EngineSeen = "engine";
    private const string Sha256 = "abababababababababababababababababababababababababababababababab";
    private static readonly DateTimeOffset Now = HuntFixture.Now;
    private readonly HuntFixture _fixture = new();

    [Fact]
    public async Task FirstStart_RecordsWhatItFindsAndStartsNothing()
    {
        _fixture.Detection.BlockedUrlDomains = ["later-bad.example"];
        _fixture.Detection.BlockedSenderDomains = ["Bad-Sender.example"];

        Assert.Equal(0, await StartDueAsync());

        Assert.Empty(_fixture.HuntRequests());
        Assert.Equal("Sender bad-sender.example\nUrlDomain later-bad.example", await LastSeenAsync(BlockListsSeen));
        Assert.Equal(ScanEngine.Version, await LastSeenAsync(EngineSeen));
    }

    [Fact]
    public async Task BlockListGainsEntries_StartsOneHuntForEachNewEntryOverTheWindow()
    {
        _fixture.Options.Window = TimeSpan.FromDays(3);
        await SeenAsync("UrlDomain later-bad.example");
        _fixture.Detection.BlockedUrlDomains = ["later-bad.example", "NEW-bad.example"];
        _fixture.Detection.BlockedSenderDomains = ["bad-sender.example"];
        _fixture.Detection.BlockedAttachmentSha256 = [Sha256.ToUpperInvariant()];

        Assert.Equal(3, await StartDueAsync());

        string[] ids = ["settings-20261129-e09ea2e8ddb5665e", "settings-20261129-0ce0c87d50a00941", "settings-20261129-65de814dc4b12014"];
        Assert.Equal(ids.Select(id => new HuntRequest(id)), _fixture.HuntRequests());
        Assert.Equal<Hunt?>(
            [
                new Hunt(ids[0], Indicator.UrlDomain("new-bad.example"), Now.AddDays(-3), false, HuntTrigger.Settings, "trigger", Now),
                new Hunt(ids[1], Indicator.Sender("bad-sender.example"), Now.AddDays(-3), false, HuntTrigger.Settings, "trigger", Now),
                new Hunt(ids[2], Indicator.AttachmentSha256(Sha256), Now.AddDays(-3), false, HuntTrigger.Settings, "trigger", Now),
            ],
            (await Task.WhenAll(ids.Select(id => _fixture.Hunts.FindAsync(id, CancellationToken.None)))).AsEnumerable());
        Assert.Equal(
            $"AttachmentSha256 {Sha256}\nSender bad-sender.example\nUrlDomain later-bad.example\nUrlDomain new-bad.example",
            await LastSeenAsync(BlockListsSeen));
    }

    [Fact]
    public async Task BlockListUnchangedOrShrunk_StartsNothing()
    {
        await SeenAsync("UrlDomain later-bad.example\nUrlDomain gone.example");
        _fixture.Detection.BlockedUrlDomains = ["Later-Bad.example."];

        Assert.Equal(0, await StartDueAsync());

        Assert.Empty(_fixture.HuntRequests());
        Assert.Equal("UrlDomain later-bad.example", await LastSeenAsync(BlockListsSeen));
    }

    [Fact]
    public async Task BlockListEntryThatIsNoIndicator_IsLeftToTheRules()
    {
        await SeenAsync("");
        _fixture.Detection.BlockedUrlDomains = ["localhost", "new-bad.example"];
        _fixture.Detection.BlockedAttachmentSha256 = ["not-a-hash"];

        Assert.Equal(1, await StartDueAsync());

        Assert.Equal([new HuntRequest("settings-20261129-e09ea2e8ddb5665e")], _fixture.HuntRequests());
        Assert.Equal("UrlDomain new-bad.example", await LastSeenAsync(BlockListsSeen));
    }

    [Fact]
    public async Task BlockListGainSeenByTwoStartsTheSameDay_HuntsOnce()
    {
        await SeenAsync("");
        _fixture.Detection.BlockedUrlDomains = ["new-bad.example"];
        Assert.Equal(1, await StartDueAsync());
        // A second instance read the lists as they were before the first wrote them.
        await SeenAsync("");
        _fixture.Clock.Advance(TimeSpan.FromHours(2));

        Assert.Equal(0, await StartDueAsync());

        Assert.Equal([new HuntRequest("settings-20261129-e09ea2e8ddb5665e")], _fixture.HuntRequests());
        Assert.Equal(Now, (await _fixture.Hunts.FindAsync("settings-20261129-e09ea2e8ddb5665e", CancellationToken.None))?.RequestedAt);
    }

    [Fact]
    public async Task NextStartWithNothingNew_StartsNothing()
    {
        await SeenAsync("");
        _fixture.Detection.BlockedUrlDomains = ["new-bad.example"];
        await StartDueAsync();
        _fixture.HuntRequests();
        _fixture.Clock.Advance(TimeSpan.FromDays(1));

        Assert.Equal(0, await StartDueAsync());

        Assert.Empty(_fixture.HuntRequests());
    }

    [Fact]
    public async Task EngineChanged_StartsARescanOfTheWindow()
    {
        _fixture.Options.Window = TimeSpan.FromDays(2);
        await _fixture.Hunts.SetLastSeenAsync(EngineSeen, "an-earlier-version", CancellationToken.None);

        Assert.Equal(1, await StartDueAsync());

        var id = HuntControl.TriggerId(HuntTrigger.EngineChanged, ScanEngine.Version, Now);
        Assert.StartsWith("enginechanged-20261129-", id, StringComparison.Ordinal);
        Assert.Equal([new HuntRequest(id)], _fixture.HuntRequests());
        Assert.Equal(
            new Hunt(id, Indicator.AnyMessage, Now.AddDays(-2), false, HuntTrigger.EngineChanged, "trigger", Now),
            await _fixture.Hunts.FindAsync(id, CancellationToken.None));
        Assert.Equal(ScanEngine.Version, await LastSeenAsync(EngineSeen));
    }

    [Fact]
    public async Task EngineChanged_RescanTurnedOff_StartsNothingButRecordsTheVersion()
    {
        _fixture.Options.RescanOnEngineChange = false;
        await _fixture.Hunts.SetLastSeenAsync(EngineSeen, "an-earlier-version", CancellationToken.None);

        Assert.Equal(0, await StartDueAsync());

        Assert.Empty(_fixture.HuntRequests());
        Assert.Equal(ScanEngine.Version, await LastSeenAsync(EngineSeen));
    }

    [Fact]
    public async Task EngineUnchanged_StartsNothing()
    {
        await _fixture.Hunts.SetLastSeenAsync(EngineSeen, ScanEngine.Version, CancellationToken.None);

        Assert.Equal(0, await StartDueAsync());

        Assert.Empty(_fixture.HuntRequests());
    }

    [Fact]
    public async Task EngineAndListsChanged_StartsBoth()
    {
        await SeenAsync("");
        await _fixture.Hunts.SetLastSeenAsync(EngineSeen, "an-earlier-version", CancellationToken.None);
        _fixture.Detection.BlockedUrlDomains = ["new-bad.example"];

        Assert.Equal(2, await StartDueAsync());

        Assert.Equal(
            ["settings-20261129-e09ea2e8ddb5665e", HuntControl.TriggerId(HuntTrigger.EngineChanged, ScanEngine.Version, Now)],
            _fixture.HuntRequests().Select(r => r.HuntId));
    }

    private Task<int> StartDueAsync() => _fixture.Triggers().StartDueAsync(CancellationToken.None);

    private Task SeenAsync(string lists) => _fixture.Hunts.SetLastSeenAsync(BlockListsSeen, lists, CancellationToken.None);

    private Task<string?> LastSeenAsync(string name) => _fixture.Hunts.LastSeenAsync(name, CancellationToken.None);
}
