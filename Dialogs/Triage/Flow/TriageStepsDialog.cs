using BackCareBot.Dialogs.Engine;
using BackCareBot.Dialogs.Messages;

namespace BackCareBot.Dialogs.Triage.Flow;

/// <summary>
/// The main questions, in the order they run: when it started, how, where, how bad, the symptom questions,
/// then the outcome. Each step skips its question when the answer is already known.
/// </summary>
public sealed class TriageStepsDialog(TriageServices services, TriageQuestions questions)
{
    public Dialog Build() => new WaterfallDialog<StepsProgress>(
        DialogIds.Steps,
        FlowJsonContext.Default.StepsProgress,
        () => new StepsProgress(),
        [AskWhenItStartedAsync, AskHowItStartedAsync, AskWhereAsync, AskHowBadAsync, AskSymptomsAsync, ReportOutcomeAsync]);

    private async Task<DialogTurnResult> AskWhenItStartedAsync(WaterfallStepContext<StepsProgress> step, CancellationToken cancellationToken)
    {
        var facts = Facts(step);
        if (!step.State.IntroSent)
        {
            step.State.IntroSent = true;
            await step.Context.SendActivityAsync(services.Replies.Say("intro", step.Context.Activity.Locale), cancellationToken);
        }

        return facts.OnsetSeconds is not null
            ? await step.NextAsync(cancellationToken: cancellationToken)
            : await PromptAsync(step, DialogIds.OnsetWhenPrompt, TriageQuestions.OnsetWhen, cancellationToken);
    }

    private async Task<DialogTurnResult> AskHowItStartedAsync(WaterfallStepContext<StepsProgress> step, CancellationToken cancellationToken) =>
        await StopIfNeededAsync(step, cancellationToken)
        ?? (Facts(step).OnsetHowAnswered
            ? await step.NextAsync(cancellationToken: cancellationToken)
            : await PromptAsync(step, DialogIds.OnsetHowPrompt, TriageQuestions.OnsetHow, cancellationToken));

    private async Task<DialogTurnResult> AskWhereAsync(WaterfallStepContext<StepsProgress> step, CancellationToken cancellationToken) =>
        await StopIfNeededAsync(step, cancellationToken)
        ?? (Facts(step).Locations.Count > 0
            ? await step.NextAsync(cancellationToken: cancellationToken)
            : await PromptAsync(step, DialogIds.LocationPrompt, TriageQuestions.Location, cancellationToken));

    private async Task<DialogTurnResult> AskHowBadAsync(WaterfallStepContext<StepsProgress> step, CancellationToken cancellationToken) =>
        await StopIfNeededAsync(step, cancellationToken)
        ?? (Facts(step).Severity is not null
            ? await step.NextAsync(cancellationToken: cancellationToken)
            : await PromptAsync(step, DialogIds.SeverityPrompt, TriageQuestions.Severity, cancellationToken));

    private async Task<DialogTurnResult> AskSymptomsAsync(WaterfallStepContext<StepsProgress> step, CancellationToken cancellationToken) =>
        await StopIfNeededAsync(step, cancellationToken)
        ?? await step.BeginDialogAsync(DialogIds.Symptoms, cancellationToken: cancellationToken);

    private async Task<DialogTurnResult> ReportOutcomeAsync(WaterfallStepContext<StepsProgress> step, CancellationToken cancellationToken)
    {
        if (await StopIfNeededAsync(step, cancellationToken) is { } stopped)
        {
            return stopped;
        }

        var facts = Facts(step);
        facts.PendingQuestion = null;
        var assessment = await services.Outcomes.ReportAsync(step.Context, facts, cancellationToken);
        // A phone call has hung up by now, and a call cannot be checked in on later.
        var offerFollowUp = assessment.Level != TriageLevel.Emergency && services.FollowUps.IsEnabled && !PhoneCall.IsPhoneCall(step.Context.Activity);
        return offerFollowUp
            ? await step.ReplaceDialogAsync(DialogIds.FollowUpOffer, cancellationToken: cancellationToken)
            : await step.EndDialogAsync(cancellationToken: cancellationToken);
    }

    /// <summary>
    /// Ends the triage when the last answer called for it: a prompt that ran out of retries ends in safe
    /// advice (the urgent advice when an urgent sign is already known), and an emergency reached through a short answer ("after a fall") ends in the emergency advice.
    /// </summary>
    private async Task<DialogTurnResult?> StopIfNeededAsync(WaterfallStepContext<StepsProgress> step, CancellationToken cancellationToken)
    {
        var facts = Facts(step);
        if (services.Levels.Assess(facts).Level == TriageLevel.Emergency)
        {
            return await services.EndInEmergencyAsync(step.DialogContext, facts, cancellationToken);
        }

        return step.Result.IsGaveUp
            ? await services.EndEarlyAsync(step.DialogContext, facts, services.Replies.Insist("gaveUp", step.Context.Activity.Locale), cancellationToken)
            : null;
    }

    private Task<DialogTurnResult> PromptAsync(WaterfallStepContext<StepsProgress> step, string promptId, string questionKey, CancellationToken cancellationToken) =>
        step.PromptAsync(promptId, questions.Ask(questionKey, step.Context), cancellationToken);

    private static TriageFacts Facts(WaterfallStepContext<StepsProgress> step) => TriageTurn.Of(step.Context).Facts;
}
