namespace Remediation.TenantSimulator.Hosting;

/// <summary>A mailbox the standalone server creates at start, from <c>Simulator:SeedMailboxes</c>.</summary>
internal sealed class MailboxSeed
{
    public string UserPrincipalName { get; set; } = string.Empty;

    public string DisplayName { get; set; } = string.Empty;
}
