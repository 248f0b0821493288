using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace BackCareBot.Tests.Fuzz;

/// <summary>
/// Keeps only the errors the host logs with an exception: a turn that threw is answered politely by the turn
/// error handler, so the status alone would hide it.
/// </summary>
internal sealed class ErrorLog : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _errors = new();

    public IReadOnlyList<string> Errors => [.. _errors];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _errors);

    public void Clear() => _errors.Clear();

    public void Dispose()
    {
    }

    // Where in the bot it broke: the first frame of our own code, not the framework's throw helper.
    private static string? OurFrame(Exception exception) =>
        exception.StackTrace?.Split('\n').FirstOrDefault(frame => frame.Contains(" BackCareBot.", StringComparison.Ordinal))?.Trim();

    private sealed class Logger(string category, ConcurrentQueue<string> errors) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel >= LogLevel.Error && exception is not null && errors.Count < 50)
            {
                errors.Enqueue($"{category}: {formatter(state, exception)}: {exception.GetType().Name}: {exception.Message}\n{OurFrame(exception)}");
            }
        }
    }
}
