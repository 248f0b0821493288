namespace BackCareBot.Protocol.Builder;

/// <summary>The bot's logic: called once for every incoming activity.</summary>
public interface IBot
{
    Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken);
}
