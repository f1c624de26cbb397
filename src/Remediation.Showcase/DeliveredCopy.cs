using System.Diagnostics;
using Remediation.TenantSimulator;

namespace Remediation.Showcase;

/// <summary>A copy the scenario put into a mailbox, and when (a <see cref="Stopwatch"/> timestamp), for time-to-remediate.</summary>
internal sealed record DeliveredCopy(DeliveredMessage Message, long DeliveredAt);
