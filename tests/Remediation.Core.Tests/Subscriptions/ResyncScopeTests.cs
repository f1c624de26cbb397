using Remediation.Core.Subscriptions;

namespace Remediation.Core.Tests.Subscriptions;

public sealed class ResyncScopeTests
{
    private const string Quarantine = "Quarantine (security)";
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("Inbox", 0)]
    [InlineData("Drafts", 0)]
    [InlineData("Sent Items", 0)]
    [InlineData("Outbox", 0)]
    [InlineData("Projects", 0)]
    [InlineData("2026", 2)]
    // A user's own folder of the same name further down the tree is theirs, not the pipeline's.
    [InlineData(Quarantine, 1)]
    public void Covers_AnyFolderButTheQuarantine_IsRead(string displayName, int depth) =>
        Assert.True(ResyncScope.Covers(new ListedFolder("id", displayName, depth), Quarantine));

    [Theory]
    [InlineData(Quarantine)]
    [InlineData("QUARANTINE (SECURITY)")]
    public void Covers_TheQuarantineAtTheTop_IsSkipped(string displayName) =>
        Assert.False(ResyncScope.Covers(new ListedFolder("id", displayName, 0), Quarantine));

    [Fact]
    public void Reconciles_LiveSubscriptionKeyedByObjectId_IsResynced() =>
        Assert.True(ResyncScope.Reconciles(new MailboxSubscription(Guid.NewGuid().ToString(), "sub", Now.AddHours(1)), Now));

    [Fact]
    public void Reconciles_ExpiredSubscription_IsLeftToTheKeeper() =>
        Assert.False(ResyncScope.Reconciles(new MailboxSubscription(Guid.NewGuid().ToString(), "sub", Now.AddSeconds(-1)), Now));

    [Fact]
    public void Reconciles_RowKeyedByUserPrincipalName_IsSkipped() =>
        Assert.False(ResyncScope.Reconciles(new MailboxSubscription("adele@contoso.example", "sub", Now.AddHours(1)), Now));

    [Fact]
    public void ReconciliationReport_FailedMailboxes_CountedApartFromTheirFoldersAndMessages()
    {
        var report = ReconciliationReport.From([new ResyncResult(12, 3), null, new ResyncResult(9, 0)]);

        Assert.Equal(new ReconciliationReport(Mailboxes: 2, Folders: 21, Queued: 3, Failed: 1), report);
    }
}
