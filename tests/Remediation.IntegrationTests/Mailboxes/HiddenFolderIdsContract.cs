using Remediation.Core.Mailboxes;

namespace Remediation.IntegrationTests.Mailboxes;

/// <summary>What every store of hidden folders' ids promises: run against the in-memory twin and Table storage.</summary>
public abstract class HiddenFolderIdsContract
{
    private const string Quarantine = "Quarantine (security)";

    protected abstract IHiddenFolderIds Folders { get; }

    [Fact]
    public async Task Save_ThenFind_ReturnsEachMailboxsFolder()
    {
        var (alice, bob) = (NewMailbox(), NewMailbox());
        await Folders.SaveAsync(Quarantine, new Dictionary<string, string> { [alice] = "AAMkA-alice=", [bob] = "AAMkA-bob=" }, CancellationToken.None);

        var found = await Folders.FindAsync(Quarantine, [alice, bob, NewMailbox()], CancellationToken.None);

        Assert.Equal(new Dictionary<string, string> { [alice] = "AAMkA-alice=", [bob] = "AAMkA-bob=" }, found);
    }

    [Fact]
    public async Task Find_FortyMailboxes_FindsEveryOne()
    {
        // More mailboxes than a job carries, each read by its keys.
        var mailboxes = Enumerable.Range(0, 40).Select(_ => NewMailbox()).ToList();
        await Folders.SaveAsync(Quarantine, mailboxes.ToDictionary(m => m, m => $"folder-of-{m}"), CancellationToken.None);

        var found = await Folders.FindAsync(Quarantine, mailboxes, CancellationToken.None);

        Assert.Equal(mailboxes.Order(StringComparer.Ordinal), found.Keys.Order(StringComparer.Ordinal));
        Assert.All(found, f => Assert.Equal($"folder-of-{f.Key}", f.Value));
    }

    [Fact]
    public async Task Save_AgainForAMailbox_ReplacesItsFolder()
    {
        var alice = NewMailbox();
        await Folders.SaveAsync(Quarantine, new Dictionary<string, string> { [alice] = "old" }, CancellationToken.None);
        await Folders.SaveAsync(Quarantine, new Dictionary<string, string> { [alice] = "new" }, CancellationToken.None);

        Assert.Equal("new", (await Folders.FindAsync(Quarantine, [alice], CancellationToken.None))[alice]);
    }

    [Fact]
    public async Task Find_AnotherFolderName_FindsNothing()
    {
        var alice = NewMailbox();
        await Folders.SaveAsync(Quarantine, new Dictionary<string, string> { [alice] = "quarantine" }, CancellationToken.None);

        Assert.Empty(await Folders.FindAsync("Renamed quarantine", [alice], CancellationToken.None));
    }

    [Fact]
    public async Task Forget_KeptFolder_IsFoundNoMoreAndOthersStay()
    {
        var (alice, bob) = (NewMailbox(), NewMailbox());
        await Folders.SaveAsync(Quarantine, new Dictionary<string, string> { [alice] = "a", [bob] = "b" }, CancellationToken.None);

        await Folders.ForgetAsync(Quarantine, alice, CancellationToken.None);

        Assert.Equal(new Dictionary<string, string> { [bob] = "b" }, await Folders.FindAsync(Quarantine, [alice, bob], CancellationToken.None));
    }

    [Fact]
    public async Task Forget_NothingKept_DoesNothing()
    {
        var alice = NewMailbox();

        await Folders.ForgetAsync(Quarantine, alice, CancellationToken.None);

        Assert.Empty(await Folders.FindAsync(Quarantine, [alice], CancellationToken.None));
    }

    [Fact]
    public async Task Save_MailboxIdAKeyMayNotHold_ComesBackAsItWent()
    {
        // A principal name or an id from another directory may carry characters a table key may not.
        var odd = $"x/{Guid.NewGuid():N}#?";
        await Folders.SaveAsync(Quarantine, new Dictionary<string, string> { [odd] = "f" }, CancellationToken.None);

        Assert.Equal(new Dictionary<string, string> { [odd] = "f" }, await Folders.FindAsync(Quarantine, [odd], CancellationToken.None));
    }

    private static string NewMailbox() => Guid.NewGuid().ToString();
}
