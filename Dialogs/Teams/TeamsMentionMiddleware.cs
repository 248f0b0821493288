using BackCareBot.Protocol.Builder;
using BackCareBot.Protocol.Schema;

namespace BackCareBot.Dialogs.Teams;

/// <summary>
/// In Teams, group chats and channels reach the bot only when someone @mentions it, so the mention is part
/// of the text. It is removed before anything reads the message, or the recogniser would read the bot's name.
/// </summary>
public sealed class TeamsMentionMiddleware : IMiddleware
{
    public Task OnTurnAsync(ITurnContext turnContext, Func<CancellationToken, Task> next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        var activity = turnContext.Activity;
        if (activity.Type == ActivityTypes.Message && TeamsConversation.IsTeams(activity))
        {
            activity.Text = BotMentionRemover.Remove(activity);
        }

        return next(cancellationToken);
    }
}
