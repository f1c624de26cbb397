namespace Remediation.TenantSimulator;

/// <summary>
/// What the sending side looked like to Exchange Online's edge: the connecting host and the authentication verdicts
/// that transport writes into <c>Authentication-Results</c>.
/// </summary>
public sealed record TransportEnvelope
{
    public string ClientIp { get; init; } = "203.0.113.25";

    public string ClientHostName { get; init; } = "mail.sender.example";

    public string Spf { get; init; } = "pass";

    public string Dkim { get; init; } = "none";

    public string Dmarc { get; init; } = "none";

    public string CompAuth { get; init; } = "pass";

    public static TransportEnvelope Default { get; } = new();
}
