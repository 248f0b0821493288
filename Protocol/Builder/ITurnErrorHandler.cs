namespace BackCareBot.Protocol.Builder;

/// <summary>
/// Called when a turn throws. It must tell the person something useful (including how to reach emergency
/// services) and leave the conversation in a state from which the next message starts cleanly.
/// </summary>
public interface ITurnErrorHandler
{
    Task OnTurnErrorAsync(ITurnContext turnContext, Exception exception, CancellationToken cancellationToken);
}
