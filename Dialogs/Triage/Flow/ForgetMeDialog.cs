using BackCareBot.Dialogs.Engine;

namespace BackCareBot.Dialogs.Triage.Flow;

/// <summary>"Forget me": asks for confirmation, then deletes the person's conversation and user state and any pending check-in.</summary>
public sealed class ForgetMeDialog(TriageServices services, TriageQuestions questions)
{
    public Dialog Build() => new WaterfallDialog<ForgetProgress>(
        DialogIds.ForgetMe,
        FlowJsonContext.Default.ForgetProgress,
        () => new ForgetProgress(),
        [ConfirmAsync, ActAsync]);

    private Task<DialogTurnResult> ConfirmAsync(WaterfallStepContext<ForgetProgress> step, CancellationToken cancellationToken) =>
        step.PromptAsync(DialogIds.ForgetPrompt, questions.Ask(TriageQuestions.ForgetConfirm, step.Context), cancellationToken);

    private async Task<DialogTurnResult> ActAsync(WaterfallStepContext<ForgetProgress> step, CancellationToken cancellationToken)
    {
        var context = step.Context;
        if (step.Result.Choice?.Value != TriageQuestions.Yes)
        {
            await context.SendActivityAsync(services.Replies.Say("notForgotten", context.Activity.Locale), cancellationToken);
            return await step.EndDialogAsync(cancellationToken: cancellationToken);
        }

        await services.ConversationState.DeleteAsync(context, cancellationToken);
        await services.UserState.DeleteAsync(context, cancellationToken);
        await services.FollowUps.CancelAsync(context.Activity.GetConversationReference(), cancellationToken);
        TriageTurn.Of(context).Facts = new TriageFacts();
        await context.SendActivityAsync(services.Replies.Say("forgotten", context.Activity.Locale), cancellationToken);
        return await step.CancelAllDialogsAsync(cancellationToken);
    }
}
