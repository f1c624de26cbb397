namespace Remediation.Core.Subscriptions;

public enum KeeperOutcome
{
    Unchanged,
    Created,
    Renewed,
    Recreated,
    Failed,

    /// <summary>The user has no mailbox the app may reach.</summary>
    Skipped,
}

public sealed record KeeperReport(int Created, int Renewed, int Recreated, int Unchanged, int Failed, int Skipped = 0)
{
    public static KeeperReport From(IEnumerable<KeeperOutcome> outcomes)
    {
        var counts = outcomes.GroupBy(o => o).ToDictionary(g => g.Key, g => g.Count());
        int Count(KeeperOutcome outcome) => counts.GetValueOrDefault(outcome);
        return new KeeperReport(Count(KeeperOutcome.Created), Count(KeeperOutcome.Renewed), Count(KeeperOutcome.Recreated), Count(KeeperOutcome.Unchanged), Count(KeeperOutcome.Failed),
            Count(KeeperOutcome.Skipped));
    }
}
