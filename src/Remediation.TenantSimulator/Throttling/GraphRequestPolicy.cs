using System.Globalization;
using Remediation.TenantSimulator.Batch;
using Remediation.TenantSimulator.Graph;

namespace Remediation.TenantSimulator.Throttling;

/// <summary>
/// What every Graph request goes through after authentication: the mailbox gate (the mailbox is the <c>users/{id}</c>
/// of the route), the configured latency, and injected slow answers and transient faults.
/// </summary>
internal sealed class GraphRequestPolicy(
    RequestDelegate next,
    SimulatorOptions options,
    SimulatedTenant tenant,
    MailboxGate gate,
    FaultInjector faults,
    SimulatorMetrics metrics,
    TimeProvider timeProvider)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var mailbox = context.GetRouteValue("user") is string user ? tenant.FindMailbox(user) : null;
        if (mailbox is null)
        {
            await ServeAsync(context);
            return;
        }

        // The mailbox store answers for a user without a mailbox the app may reach; the directory object does not.
        if (IsMailboxStoreRequest(context) && GraphErrors.MailboxAccessDenied(mailbox.Access) is { } denied)
        {
            await ServeAsync(context, () => GraphErrors.WriteAsync(context, denied.Status, denied.Code, denied.Message));
            return;
        }

        var admission = gate.TryEnter(mailbox.Id);
        if (admission != MailboxAdmission.Admitted)
        {
            metrics.RequestThrottled(mailbox.Id);
            var limit = admission == MailboxAdmission.OverConcurrency ? "MailboxConcurrency" : "MailboxRequestBudget";
            await WriteRetryableAsync(context, StatusCodes.Status429TooManyRequests, GraphErrors.ThrottledCode,
                $"Application is over its {limit} limit.");
            return;
        }

        if (BatchExecutor.FirstItemFor(context, mailbox.Id))
        {
            metrics.MailboxRoundTrip(mailbox.Id);
        }

        try
        {
            await ServeAsync(context);
        }
        finally
        {
            gate.Exit(mailbox.Id);
        }
    }

    private Task ServeAsync(HttpContext context) => ServeAsync(context, () => next(context));

    private async Task ServeAsync(HttpContext context, Func<Task> answer)
    {
        var delay = options.RequestLatency;
        if (faults.ShouldRespondSlowly())
        {
            metrics.SlowResponseInjected();
            delay += options.SlowResponseDelay;
        }

        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, timeProvider, context.RequestAborted);
        }

        if (faults.TransientFaultStatus() is { } status)
        {
            metrics.FaultInjected();
            var (code, message) = status == StatusCodes.Status503ServiceUnavailable
                ? ("ServiceUnavailable", "The service is temporarily unavailable. Please retry later.")
                : ("GatewayTimeout", "The gateway did not receive a timely response.");
            await WriteRetryableAsync(context, status, code, message);
            return;
        }

        if (GraphPreferences.From(context.Request).ImmutableIds)
        {
            context.Response.Headers["Preference-Applied"] = GraphPreferences.ImmutableIdPreference;
        }

        await answer();
    }

    // users/{user}/messages… and users/{user}/mailFolders…, as against users/{user} and its directory actions.
    private static bool IsMailboxStoreRequest(HttpContext context)
    {
        var segments = context.Request.Path.Value?.Split('/', StringSplitOptions.RemoveEmptyEntries) ?? [];
        var user = Array.FindIndex(segments, s => s.Equals("users", StringComparison.OrdinalIgnoreCase));
        return user >= 0 && user + 2 < segments.Length
            && (segments[user + 2].Equals("messages", StringComparison.OrdinalIgnoreCase) || segments[user + 2].Equals("mailFolders", StringComparison.OrdinalIgnoreCase));
    }

    private Task WriteRetryableAsync(HttpContext context, int status, string code, string message)
    {
        context.Response.Headers.RetryAfter = options.ThrottleRetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return GraphErrors.WriteAsync(context, status, code, message);
    }
}
