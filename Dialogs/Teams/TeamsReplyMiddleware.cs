using BackCareBot.Dialogs.Engine;
using BackCareBot.Protocol.Builder;
using BackCareBot.Protocol.Schema;

namespace BackCareBot.Dialogs.Teams;

/// <summary>
/// Shapes the bot's replies for Teams once the bot has finished its turn: choices become an Adaptive Card
/// with Action.Execute buttons (Teams does not show suggested actions in group chats and only partly in
/// personal ones) and line breaks become paragraph breaks. The adapter delivers a turn's replies only after
/// the whole pipeline has run and the state is saved, which is what lets this change them in place.
/// </summary>
public sealed class TeamsReplyMiddleware : IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, Func<CancellationToken, Task> next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        await next(cancellationToken);
        if (!TeamsConversation.IsTeams(turnContext.Activity))
        {
            return;
        }

        foreach (var reply in turnContext.SentActivities)
        {
            if (reply.Type == ActivityTypes.Message)
            {
                Shape(reply, PromptQuestionTag.Of(turnContext, reply));
            }
        }
    }

    /// <summary>Reshapes one outgoing Teams message in place; a question's key goes into its buttons.</summary>
    public static void Shape(Activity reply, string? questionKey = null)
    {
        ArgumentNullException.ThrowIfNull(reply);
        reply.Text = TeamsText.Format(reply.Text);
        if (reply.SuggestedActions is not { Actions.Count: > 0 } suggested)
        {
            return;
        }

        // The question moves into the card, so it is not shown twice; the summary keeps the notification readable.
        var card = ChoiceCard.Build(reply.Text, suggested.Actions, questionKey);
        reply.Attachments = [.. reply.Attachments ?? [], card];
        reply.Summary ??= reply.Text;
        reply.Text = null;
        reply.SuggestedActions = null;
    }
}
