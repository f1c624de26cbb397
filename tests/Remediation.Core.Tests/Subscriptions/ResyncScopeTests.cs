using Remediation.Core.Subscriptions;

namespace Remediation.Core.Tests.Subscriptions;

public sealed class ResyncScopeTests
{
    private const string Quarantine = "Quarantine (security)";
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("Inbox", 0)]
    [InlineData("Projects", 0)]
    [InlineData("2026", 2)]
    // A folder of the quarantine's name that is not the one the pipeline kept is anybody's.
    [InlineData(Quarantine, 0)]
    [InlineData(Quarantine, 1)]
    public void Covers_AnyFolderButTheQuarantine_IsRead(string displayName, int depth)
    {
        Assert.True(ResyncScope.Covers(new ListedFolder("id", displayName, depth), "quarantine-id"));
        Assert.True(ResyncScope.Covers(new ListedFolder("id", displayName, depth), null));
    }

    [Fact]
    public void Covers_TheQuarantineThePipelineKept_IsSkipped() =>
        Assert.False(ResyncScope.Covers(new ListedFolder("quarantine-id", "Quarantine (security)", 0), "quarantine-id"));

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
