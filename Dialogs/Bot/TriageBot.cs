using BackCareBot.Dialogs.Engine;
using BackCareBot.Dialogs.Triage;
using BackCareBot.Protocol.Builder;
using BackCareBot.Protocol.Schema;
using BackCareBot.Protocol.State;

namespace BackCareBot.Dialogs.Bot;

/// <summary>
/// The bot's turn handler. For a message it reads the text once with the recogniser, folds what it learned
/// into the conversation's facts, and hands the turn to the triage dialog, whose safety net acts on red flags
/// before any step. A new conversation gets the welcome, once.
/// </summary>
public sealed class TriageBot(
    TriageServices services,
    DialogRunner dialogs,
    IStatePropertyAccessor<ConversationFlags> flags,
    TimeProvider time) : IBot
{
    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        switch (turnContext.Activity.Type)
        {
            case ActivityTypes.Message:
                await OnMessageAsync(turnContext, cancellationToken);
                break;
            case ActivityTypes.ConversationUpdate when SomeoneJoined(turnContext.Activity):
                await OnConversationStartAsync(turnContext, cancellationToken);
                break;
            case ActivityTypes.DeleteUserData:
                await services.ConversationState.DeleteAsync(turnContext, cancellationToken);
                await services.UserState.DeleteAsync(turnContext, cancellationToken);
                break;
        }
    }

    private async Task OnMessageAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var observation = string.IsNullOrWhiteSpace(activity.Text)
            ? Observation.Nothing
            : services.Observations.Observe(activity.Text, activity.LocalTimestamp ?? time.GetLocalNow());
        var facts = await services.Facts.GetAsync(turnContext, () => new TriageFacts(), cancellationToken);

        // "2" answers a yes/no question ("press 2 for no"); it must not also be read as a pain score of 2.
        if (facts.PendingQuestion is not null && observation.Severity is not null && services.Phrases.YesNo(activity.Text) is not null)
        {
            observation = observation with { Severity = null };
        }

        var turn = new TriageTurn(observation, facts, services.Phrases.Command(activity.Text))
        {
            Merged = FactsMerger.Merge(facts, observation),
        };
        turn.AttachTo(turnContext);

        // The emergency advice must come first, so a first message that needs it skips the welcome.
        var conversation = await flags.GetAsync(turnContext, () => new ConversationFlags(), cancellationToken);
        if (!conversation.Welcomed)
        {
            conversation.Welcomed = true;
            if (!observation.IsEmergency)
            {
                await turnContext.SendActivityAsync(services.Replies.Say("welcome", activity.Locale), cancellationToken);
            }
        }

        await dialogs.RunAsync(turnContext, cancellationToken);
    }

    private async Task OnConversationStartAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var conversation = await flags.GetAsync(turnContext, () => new ConversationFlags(), cancellationToken);
        if (conversation.Welcomed)
        {
            return;
        }

        conversation.Welcomed = true;
        var facts = await services.Facts.GetAsync(turnContext, () => new TriageFacts(), cancellationToken);
        new TriageTurn(Observation.Nothing, facts, TriageCommand.None).AttachTo(turnContext);
        await turnContext.SendActivityAsync(services.Replies.Say("welcome", turnContext.Activity.Locale), cancellationToken);
        await dialogs.RunAsync(turnContext, cancellationToken);
    }

    // Channels announce the bot joining too; only a person joining starts the conversation.
    private static bool SomeoneJoined(Activity activity) =>
        activity.MembersAdded?.Any(member => member.Id != activity.Recipient?.Id) == true;
}
