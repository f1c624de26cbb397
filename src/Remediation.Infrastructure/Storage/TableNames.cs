namespace Remediation.Infrastructure.Storage;

/// <summary>The tables the pipeline keeps; the infrastructure templates create the same names.</summary>
public static class TableNames
{
    public const string Verdicts = "verdicts";
    public const string Subscriptions = "subscriptions";
    public const string Campaigns = "campaigns";
    public const string MessageIndex = "messageindex";
    public const string Hunts = "hunts";
    public const string Audit = "audit";
    public const string Compromise = "compromise";
    public const string Breakers = "breakers";
    public const string HiddenFolders = "hiddenfolders";

    public static IReadOnlyList<string> All { get; } = [Verdicts, Subscriptions, Campaigns, MessageIndex, Hunts, Audit, Compromise, Breakers, HiddenFolders];
}
