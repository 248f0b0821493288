using Microsoft.Extensions.Options;

namespace BackCareBot.FollowUps;

/// <summary>Wakes every poll interval and sends the check-ins that are due. Does nothing when follow-ups are off.</summary>
internal sealed partial class FollowUpService(
    FollowUpDispatcher dispatcher,
    IOptions<FollowUpOptions> options,
    TimeProvider time,
    ILogger<FollowUpService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.PollInterval, time);
        do
        {
            try
            {
                await dispatcher.SendDueAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogPassFailed(exception.GetType().Name, exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(EventId = 1403, Level = LogLevel.Warning, Message = "Looking for due follow-ups failed with {ExceptionType}; will try again")]
    private partial void LogPassFailed(string exceptionType, Exception exception);
}
