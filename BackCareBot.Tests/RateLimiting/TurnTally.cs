using BackCareBot.Protocol.Builder;

namespace BackCareBot.Tests.RateLimiting;

/// <summary>Bot middleware counting the turns that ran, to show a throttled activity never reached the bot.</summary>
internal sealed class TurnTally : IMiddleware
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public Task OnTurnAsync(ITurnContext turnContext, Func<CancellationToken, Task> next, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _count);
        return next(cancellationToken);
    }
}
