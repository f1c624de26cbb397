namespace Remediation.Showcase.Bench;

/// <summary>Single-thread throughput over a set of messages, and the spread of the time per message.</summary>
internal sealed record MessageRate(int Messages, double MessagesPerSecond, Percentiles Milliseconds);
