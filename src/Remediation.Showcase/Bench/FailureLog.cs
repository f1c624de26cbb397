using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Remediation.Showcase.Bench;

/// <summary>
/// Counts the errors the pipeline's host logs, by category, with the first message of each: the bench keeps logs
/// off, yet a stage failing under load must show in its results.
/// </summary>
internal sealed class FailureLog : ILoggerProvider
{
    private readonly ConcurrentDictionary<string, (int Count, string First)> _errors = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, string> Summary =>
        _errors.OrderBy(e => e.Key, StringComparer.Ordinal).ToDictionary(e => e.Key, e => $"{e.Value.Count} × {e.Value.First}", StringComparer.Ordinal);

    public ILogger CreateLogger(string categoryName) => new CategoryLogger(this, categoryName);

    public void Dispose()
    {
    }

    private void Record(string category, string message) =>
        _errors.AddOrUpdate(category, (1, message), (_, seen) => (seen.Count + 1, seen.First));

    private sealed class CategoryLogger(FailureLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            log.Record(category, exception is null ? formatter(state, exception) : $"{formatter(state, exception)}: {exception.GetBaseException().Message}");
        }
    }
}
