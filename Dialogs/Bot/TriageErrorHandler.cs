using BackCareBot.Dialogs.Cards;
using BackCareBot.Dialogs.Engine;
using BackCareBot.Dialogs.Teams;
using BackCareBot.Dialogs.Triage;
using BackCareBot.Protocol.Builder;
using BackCareBot.Protocol.State;

namespace BackCareBot.Dialogs.Bot;

/// <summary>
/// When a turn fails (a bug, or the state store is away), the person still gets an answer: the emergency
/// advice if their message or the failed turn called for it, otherwise a short apology that includes the emergency number.
/// After a failure of the turn itself the dialog stack is reset so a broken stack cannot trap anyone;
/// after the store was unavailable nothing is touched, as the conversation is intact and carries on
/// where it was once the store is back.
/// </summary>
public sealed class TriageErrorHandler(
    TriageServices services,
    IStatePropertyAccessor<DialogState> dialogState,
    TimeProvider time) : ITurnErrorHandler
{
    private readonly SharedConversationResponder _shared = new(services, time);

    public async Task OnTurnErrorAsync(ITurnContext turnContext, Exception exception, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var said = CardActionInvoke.TryReadAnswer(activity, out var answer) ? answer : activity.Text;

        // The failed turn may have reached the emergency advice from the conversation ("yes" to the bladder
        // question), not from the words alone: that advice stands whatever went wrong after it.
        if (FailedAttempt.RepliesOf(turnContext).Where(EmergencyMarker.IsOn).ToList() is { Count: > 0 } advice)
        {
            await turnContext.SendActivitiesAsync(advice, cancellationToken);
        }
        else if (await TryObserveAsync(said, activity, cancellationToken) is not { IsEmergency: true } observation)
        {
            await turnContext.SendActivityAsync(services.Replies.Say("turnError", activity.Locale), cancellationToken);
        }
        else if (TeamsConversation.IsShared(activity))
        {
            // Others read along: the advice in the form that names nothing the person said.
            await turnContext.SendActivityAsync(_shared.Reply(emergency: true, activity.Locale), cancellationToken);
        }
        else
        {
            var facts = new TriageFacts();
            FactsMerger.Merge(facts, observation);
            await services.Outcomes.SendEmergencyAsync(turnContext, facts, cancellationToken);
        }

        // A button press still gets its synchronous answer, or Teams shows the person an error on the card.
        if (activity.Name == CardActionInvoke.Name)
        {
            turnContext.InvokeResponse = CardActionInvoke.Handled(services.Content.Message("cardAnswerReceived").Text);
        }

        // A shared conversation stores nothing, so there is nothing to reset.
        if (exception is not StorageUnavailableException && !TeamsConversation.IsShared(activity))
        {
            await ResetDialogsAsync(turnContext, cancellationToken);
        }
    }

    /// <summary>The message read again; null when reading it is what failed, so the apology with the emergency number still goes out.</summary>
    private async Task<Observation?> TryObserveAsync(string? said, Protocol.Schema.Activity activity, CancellationToken cancellationToken)
    {
        try
        {
            return await services.Observations.ObserveAsync(said, activity, time, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return null;
        }
    }

    private async Task ResetDialogsAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        try
        {
            await dialogState.DeleteAsync(turnContext, cancellationToken);

            // With the stack gone no question waits, and a stale one would change how the next answer is read
            // ("2" taken as "no" rather than a pain score, an old card's "yes" taken as the current answer).
            var facts = await services.Facts.GetAsync(turnContext, () => new TriageFacts(), cancellationToken);
            facts.PendingQuestion = null;
            await services.ConversationState.SaveChangesAsync(turnContext, cancellationToken);
        }
        catch (StorageUnavailableException)
        {
            // The store went away during the reset: what it holds is intact, and deleting it would lose
            // the person's answers. The apology already asks them to try again.
        }
        catch (Exception resetFailure) when (resetFailure is not OperationCanceledException and not StorageConflictException)
        {
            // The stored state may be what is broken: start the conversation afresh rather than trap the person.
            await services.ConversationState.DeleteAsync(turnContext, cancellationToken);
        }
    }
}
