using Microsoft.Extensions.Options;

namespace BackCareBot.Storage;

/// <summary>
/// Deletes conversation and user state nobody has touched for the retention period (Storage:RetentionDays,
/// default 7), as the privacy note promises. Runs at start-up and then every hour.
/// </summary>
internal sealed partial class IdleStateJanitor(
    IExpiringStorage storage,
    IOptions<StorageOptions> options,
    TimeProvider time,
    ILogger<IdleStateJanitor> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var retention = TimeSpan.FromDays(options.Value.RetentionDays);
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                var deleted = await storage.DeleteIdleAsync(time.GetUtcNow() - retention, keyPrefixOrNull: null, stoppingToken);
                LogSwept(deleted);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogSweepFailed(exception.GetType().Name, exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(EventId = 1300, Level = LogLevel.Information, Message = "Deleted {Count} idle state documents")]
    private partial void LogSwept(int count);

    [LoggerMessage(EventId = 1301, Level = LogLevel.Warning, Message = "Deleting idle state failed with {ExceptionType}; will try again")]
    private partial void LogSweepFailed(string exceptionType, Exception exception);
}
