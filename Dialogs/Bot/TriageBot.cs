using BackCareBot.Dialogs.Engine;
using BackCareBot.Dialogs.Teams;
using BackCareBot.Dialogs.Triage;
using BackCareBot.Protocol.Builder;
using BackCareBot.Protocol.Schema;
using BackCareBot.Protocol.State;

namespace BackCareBot.Dialogs.Bot;

/// <summary>
/// The bot's turn handler. For a message it reads the text once with the recogniser, folds what it learned
/// into the conversation's facts, and hands the turn to the triage dialog, whose safety net acts on red flags
/// before any step. A new conversation gets the welcome, once. In a group chat or channel it never triages:
/// it invites the person to a private chat (see <see cref="SharedConversationResponder"/>). A card button
/// press is read as the answer the person would have typed. Anything else is ignored.
/// </summary>
public sealed class TriageBot(
    TriageServices services,
    DialogRunner dialogs,
    IStatePropertyAccessor<ConversationFlags> flags,
    TimeProvider time) : IBot
{
    private readonly SharedConversationResponder _shared = new(services, time);
    private readonly EarlierCardAnswer _earlierCard = new(services);

    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        switch (activity.Type)
        {
            case ActivityTypes.Message when TeamsConversation.IsShared(activity):
                await _shared.RespondAsync(turnContext, cancellationToken);
                break;
            case ActivityTypes.Message:
                await OnMessageAsync(turnContext, cancellationToken);
                break;
            case ActivityTypes.Invoke when CardActionInvoke.TryReadAnswer(activity, out var answer):
                await OnTurnAsync(new CardActionTurnContext(turnContext, answer), cancellationToken);
                turnContext.InvokeResponse = CardActionInvoke.Handled(services.Content.Message("cardAnswerReceived").Text);
                break;
            case ActivityTypes.ConversationUpdate when !TeamsConversation.IsShared(activity)
                && (SomeoneJoined(activity) || TeamsConversation.IsPersonalInstall(activity)):
                await OnConversationStartAsync(turnContext, cancellationToken);
                break;
            case ActivityTypes.MessageUpdate:
                await OnEditedMessageAsync(turnContext, cancellationToken);
                break;
            case ActivityTypes.DeleteUserData:
                await services.ConversationState.DeleteAsync(turnContext, cancellationToken);
                await services.UserState.DeleteAsync(turnContext, cancellationToken);
                await services.FollowUps.CancelAsync(activity.GetConversationReference(), cancellationToken);
                break;
        }
    }

    private async Task OnMessageAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var observation = await services.Observations.ObserveAsync(activity.Text, activity, time, cancellationToken);
        var facts = await services.Facts.GetAsync(turnContext, () => new TriageFacts(), cancellationToken);
        observation = _earlierCard.Fold(observation, activity, facts);

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

    // An edited message (Teams) does not answer the question again, but a red flag added in the edit
    // must still reach the emergency advice.
    private async Task OnEditedMessageAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var observation = await services.Observations.ObserveAsync(activity.Text, activity, time, cancellationToken);
        if (!observation.IsEmergency)
        {
            return;
        }

        if (TeamsConversation.IsShared(activity))
        {
            await _shared.RespondAsync(turnContext, cancellationToken);
            return;
        }

        var facts = await services.Facts.GetAsync(turnContext, () => new TriageFacts(), cancellationToken);
        FactsMerger.Merge(facts, observation);
        await services.Outcomes.SendEmergencyAsync(turnContext, facts, cancellationToken);
    }

    // Channels announce the bot joining too; only a person joining starts the conversation.
    private static bool SomeoneJoined(Activity activity) =>
        activity.MembersAdded?.Any(member => member.Id != activity.Recipient?.Id) == true;
}
