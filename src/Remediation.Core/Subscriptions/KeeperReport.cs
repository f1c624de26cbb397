namespace Remediation.Core.Subscriptions;

public enum KeeperOutcome
{
    Unchanged,
    Created,
    Renewed,
    Recreated,
    Failed,
}

public sealed record KeeperReport(int Created, int Renewed, int Recreated, int Unchanged, int Failed)
{
    public static KeeperReport From(IEnumerable<KeeperOutcome> outcomes)
    {
        var counts = outcomes.GroupBy(o => o).ToDictionary(g => g.Key, g => g.Count());
        int Count(KeeperOutcome outcome) => counts.GetValueOrDefault(outcome);
        return new KeeperReport(Count(KeeperOutcome.Created), Count(KeeperOutcome.Renewed), Count(KeeperOutcome.Recreated), Count(KeeperOutcome.Unchanged), Count(KeeperOutcome.Failed));
    }
}
