namespace Remediation.Core.Intake;

/// <summary>What an HTTP host should answer; each host maps it onto its own response type.</summary>
public sealed record WebhookResponse(int StatusCode, string Body, string ContentType = "text/plain")
{
    public static WebhookResponse Accepted(int count) => new(202, $"{count} queued");
    public static WebhookResponse Rejected(int statusCode, string reason) => new(statusCode, reason);
}
