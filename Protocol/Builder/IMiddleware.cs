namespace BackCareBot.Protocol.Builder;

/// <summary>A step every turn passes through before and after the bot; call next to continue.</summary>
public interface IMiddleware
{
    Task OnTurnAsync(ITurnContext turnContext, Func<CancellationToken, Task> next, CancellationToken cancellationToken);
}
