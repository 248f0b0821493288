using BackCareBot.Protocol.Builder;

namespace BackCareBot.Protocol.State;

/// <summary>Saves every registered state at the end of a turn that completed without an exception.</summary>
public sealed class AutoSaveStateMiddleware(IEnumerable<BotState> states) : IMiddleware
{
    private readonly BotState[] _states = states.ToArray();

    public async Task OnTurnAsync(ITurnContext turnContext, Func<CancellationToken, Task> next, CancellationToken cancellationToken)
    {
        await next(cancellationToken);
        foreach (var state in _states)
        {
            await state.SaveChangesAsync(turnContext, cancellationToken);
        }
    }
}
