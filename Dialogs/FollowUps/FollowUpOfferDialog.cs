using BackCareBot.Dialogs.Engine;
using BackCareBot.Dialogs.Triage;
using BackCareBot.Dialogs.Triage.Flow;

namespace BackCareBot.Dialogs.FollowUps;

/// <summary>
/// At the end of a triage that did not end in the emergency advice: offers to check in later and, only on
/// a clear yes, schedules it. Anything else counts as no: a check-in needs consent.
/// </summary>
public sealed class FollowUpOfferDialog(TriageServices services, TriageQuestions questions)
{
    public Dialog Build() => new WaterfallDialog<FollowUpProgress>(
        DialogIds.FollowUpOffer,
        FollowUpJsonContext.Default.FollowUpProgress,
        () => new FollowUpProgress(),
        [OfferAsync, ActAsync]);

    private Task<DialogTurnResult> OfferAsync(WaterfallStepContext<FollowUpProgress> step, CancellationToken cancellationToken) =>
        step.PromptAsync(DialogIds.FollowUpPrompt, questions.Ask(TriageQuestions.FollowUpOffer, step.Context), cancellationToken);

    private async Task<DialogTurnResult> ActAsync(WaterfallStepContext<FollowUpProgress> step, CancellationToken cancellationToken)
    {
        var context = step.Context;
        if (step.Result.Choice?.Value == TriageQuestions.Yes)
        {
            await services.FollowUps.ScheduleAsync(context.Activity.GetConversationReference(), cancellationToken);
            await context.SendActivityAsync(services.Replies.Say("followUpScheduled", context.Activity.Locale), cancellationToken);
        }
        else
        {
            await context.SendActivityAsync(services.Replies.Say("followUpDeclined", context.Activity.Locale), cancellationToken);
        }

        return await step.EndDialogAsync(cancellationToken: cancellationToken);
    }
}

/// <summary>The offer keeps nothing of its own.</summary>
public sealed class FollowUpProgress;

[System.Text.Json.Serialization.JsonSerializable(typeof(FollowUpProgress))]
internal sealed partial class FollowUpJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
