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

    /// <summary>
    /// Submitted by a user signed in to this tenant (Outlook, Outlook on the web, Graph's sendMail): transport stamps
    /// the message as authenticated internal mail.
    /// </summary>
    public bool SignedInSender { get; init; }

    public static TransportEnvelope Default { get; } = new();

    /// <summary>A tenant user's own submission, from Exchange Online's mailbox servers.</summary>
    public static TransportEnvelope Internal { get; } = new() { SignedInSender = true, ClientIp = "2603:10a6:208:1::12", ClientHostName = "mailbox.prod.outlook.com" };
}
