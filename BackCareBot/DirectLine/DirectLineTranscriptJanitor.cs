namespace BackCareBot.DirectLine;

/// <summary>Drops built-in Direct Line conversations, and evicted ones' tombstones, once no client can need them, every minute.</summary>
internal sealed partial class DirectLineTranscriptJanitor(
    DirectLineConversationStore store,
    TimeProvider time,
    ILogger<DirectLineTranscriptJanitor> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var removed = store.RemoveIdle();
            if (removed > 0)
            {
                LogRemoved(removed, store.Count);
            }
        }
    }

    [LoggerMessage(EventId = 1500, Level = LogLevel.Information, Message = "Dropped {Count} idle Direct Line conversations; {Remaining} remain")]
    private partial void LogRemoved(int count, int remaining);
}
