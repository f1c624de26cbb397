using System.Collections.Concurrent;

namespace Remediation.Infrastructure.Graph;

/// <summary>
/// At most <c>limit</c> requests in flight per mailbox from this process: Exchange Online answers 429
/// (MailboxConcurrency) above 4 per app per mailbox. It sits below the retry handler, so a request waiting out a
/// Retry-After holds no slot.
/// </summary>
internal sealed class MailboxConcurrencyHandler(int limit) : DelegatingHandler
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.OrdinalIgnoreCase);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (MailboxOf(request.RequestUri) is not { } mailbox)
        {
            return await base.SendAsync(request, cancellationToken);
        }
        var gate = _gates.GetOrAdd(mailbox, _ => new SemaphoreSlim(limit, limit));
        await gate.WaitAsync(cancellationToken);
        try
        {
            return await base.SendAsync(request, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    private static string? MailboxOf(Uri? uri)
    {
        var segments = uri?.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries) ?? [];
        var users = Array.FindIndex(segments, s => s.Equals("users", StringComparison.OrdinalIgnoreCase));
        return users >= 0 && users + 1 < segments.Length ? Uri.UnescapeDataString(segments[users + 1]) : null;
    }
}
