using System.Collections.Concurrent;
using BackCareBot.Authentication;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BackCareBot.Tests.Authentication;

public sealed class LocalDevelopmentWarningTests
{
    [Theory]
    [InlineData(null, true)]
    [InlineData("", true)]
    [InlineData(TestTokens.AppId, false)]
    public async Task StartAsync_AppIdConfiguredOrNot_WarnsOnlyWhenUnauthenticated(string? appId, bool expectWarning)
    {
        var logs = new CapturingLoggerProvider();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["MicrosoftAppId"] = appId })
            .Build();
        await using var services = new ServiceCollection()
            .AddLogging(logging => logging.AddProvider(logs))
            .AddBotAuthentication(configuration)
            .BuildServiceProvider();

        foreach (var hosted in services.GetServices<IHostedService>())
            await hosted.StartAsync(CancellationToken.None);

        Assert.Equal(expectWarning, logs.Entries.Any(entry => entry.Level == LogLevel.Warning && entry.Message.Contains("MicrosoftAppId", StringComparison.Ordinal)));
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<(LogLevel Level, string Message)> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new CapturingLogger(Entries);

        public void Dispose()
        {
        }

        private sealed class CapturingLogger(ConcurrentQueue<(LogLevel, string)> entries) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                entries.Enqueue((logLevel, formatter(state, exception)));
        }
    }
}
