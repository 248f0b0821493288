using BackCareBot.Configuration;
using Microsoft.Extensions.Options;

namespace BackCareBot.Authentication;

/// <summary>Makes it loud at start-up when the bot runs without authentication, so it is never deployed that way unnoticed.</summary>
internal sealed partial class LocalDevelopmentWarning(IOptions<BotIdentityOptions> identity, ILogger<LocalDevelopmentWarning> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (identity.Value.IsLocalDevelopment)
            LogUnauthenticated(logger);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "MicrosoftAppId is not configured: inbound requests are NOT authenticated and only loopback callers are accepted. Local development only.")]
    private static partial void LogUnauthenticated(ILogger logger);
}
