namespace Remediation.Cli.LocalRun;

public sealed class LocalTenantOptions
{
    public string Domain { get; init; } = "contoso.example";

    /// <summary>User names (the part before the @) and display names of the tenant's mailboxes.</summary>
    public IReadOnlyList<(string UserName, string DisplayName)> Mailboxes { get; init; } = [];

    /// <summary>Pipeline settings (Function App keys, e.g. <c>Detection:BlockedUrlDomains:0</c>).</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();
}
