using System.Collections.Concurrent;

namespace Remediation.TenantSimulator.Notifications;

/// <summary>How Graph treats a notification endpoint, judged by how fast it answered lately.</summary>
public enum EndpointState
{
    Healthy,

    /// <summary>More than 10 % of answers in the window were slow: new notifications go out late.</summary>
    Slow,

    /// <summary>More than 15 % were slow: new notifications are dropped, unrecoverably.</summary>
    Drop,
}

/// <summary>
/// Graph's throttling of slow notification endpoints, as "Receive change notifications through webhooks"
/// (learn.microsoft.com/graph/change-notifications-delivery-webhooks, section "Throttling") describes it: the share
/// of slow answers within a sliding window decides the endpoint's state, and the state lifts as the share falls.
/// </summary>
internal sealed class EndpointHealth(SimulatorOptions options, TimeProvider timeProvider)
{
    private const double SlowShare = 0.10;
    private const double DropShare = 0.15;

    private readonly ConcurrentDictionary<string, Answers> endpoints = new(StringComparer.OrdinalIgnoreCase);

    public void Record(Uri endpoint, bool slow) => AnswersOf(endpoint).Add(timeProvider.GetUtcNow(), slow);

    public EndpointState StateOf(Uri endpoint)
    {
        var (total, slow) = AnswersOf(endpoint).Since(timeProvider.GetUtcNow() - options.EndpointHealthWindow);
        // Too few answers say nothing yet; the documentation names no minimum, so it is a setting.
        if (total < options.EndpointHealthMinimumAnswers) return EndpointState.Healthy;
        var share = (double)slow / total;
        return share > DropShare ? EndpointState.Drop : share > SlowShare ? EndpointState.Slow : EndpointState.Healthy;
    }

    // Keyed by the URL without its query: the function key riding there does not make another endpoint.
    private Answers AnswersOf(Uri endpoint) => endpoints.GetOrAdd(endpoint.GetLeftPart(UriPartial.Path), _ => new Answers());

    private sealed class Answers
    {
        private readonly Lock gate = new();
        private readonly Queue<(DateTimeOffset At, bool Slow)> answers = new();

        // Kept as answers come and go: every notification raised asks for the share, so it must not recount the window.
        private int slow;

        public void Add(DateTimeOffset at, bool isSlow)
        {
            lock (gate)
            {
                answers.Enqueue((at, isSlow));
                if (isSlow) slow++;
            }
        }

        public (int Total, int Slow) Since(DateTimeOffset start)
        {
            lock (gate)
            {
                while (answers.TryPeek(out var oldest) && oldest.At < start)
                {
                    if (answers.Dequeue().Slow) slow--;
                }
                return (answers.Count, slow);
            }
        }
    }
}
