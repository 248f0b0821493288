using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace BackCareBot.Tests.Host;

/// <summary>Keeps every log entry of every category, with its structured values and exception, for privacy checks.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<CapturedLog> _entries = new();

    public IReadOnlyList<CapturedLog> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<CapturedLog> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            entries.Enqueue(new CapturedLog(category, LogLevel.None, $"scope: {state}", Values(state), null));
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue(new CapturedLog(category, logLevel, formatter(state, exception), Values(state), exception?.ToString()));

        private static string Values<TState>(TState state) =>
            state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? string.Join("; ", pairs.Select(pair => $"{pair.Key}={pair.Value}"))
                : string.Empty;
    }
}

/// <summary>One log entry: everything a log sink could store.</summary>
internal sealed record CapturedLog(string Category, LogLevel Level, string Message, string Values, string? Exception)
{
    public bool Mentions(string secret) =>
        Message.Contains(secret, StringComparison.OrdinalIgnoreCase)
        || Values.Contains(secret, StringComparison.OrdinalIgnoreCase)
        || Exception?.Contains(secret, StringComparison.OrdinalIgnoreCase) == true;
}
