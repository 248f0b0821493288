using BackCareBot.Protocol.Builder;

namespace BackCareBot.Tests.Host;

/// <summary>A bug in the turn itself, as middleware: it throws for every message, or only for the one text given.</summary>
internal sealed class FailingTurn(string? onlyFor = null) : IMiddleware
{
    public Task OnTurnAsync(ITurnContext turnContext, Func<CancellationToken, Task> next, CancellationToken cancellationToken) =>
        onlyFor is null || turnContext.Activity.Text == onlyFor
            ? throw new InvalidOperationException("A bug in the turn.")
            : next(cancellationToken);
}
