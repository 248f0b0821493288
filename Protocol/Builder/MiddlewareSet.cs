namespace BackCareBot.Protocol.Builder;

/// <summary>Runs middleware in the order it was added, then the bot.</summary>
public sealed class MiddlewareSet
{
    private readonly IReadOnlyList<IMiddleware> _middleware;

    public MiddlewareSet(IEnumerable<IMiddleware> middleware)
    {
        _middleware = middleware.ToArray();
    }

    public Task RunAsync(ITurnContext turnContext, Func<ITurnContext, CancellationToken, Task> bot, CancellationToken cancellationToken) =>
        RunFromAsync(0, turnContext, bot, cancellationToken);

    private Task RunFromAsync(int index, ITurnContext turnContext, Func<ITurnContext, CancellationToken, Task> bot, CancellationToken cancellationToken)
    {
        if (index == _middleware.Count)
        {
            return bot(turnContext, cancellationToken);
        }

        return _middleware[index].OnTurnAsync(
            turnContext,
            ct => RunFromAsync(index + 1, turnContext, bot, ct),
            cancellationToken);
    }
}
