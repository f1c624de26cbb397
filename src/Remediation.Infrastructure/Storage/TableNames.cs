namespace Remediation.Infrastructure.Storage;

/// <summary>The tables the pipeline keeps; the infrastructure templates create the same names.</summary>
public static class TableNames
{
    public const string Verdicts = "verdicts";
    public const string Subscriptions = "subscriptions";

    public static IReadOnlyList<string> All { get; } = [Verdicts, Subscriptions];
}
