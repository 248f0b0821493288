using BackCareBot.Dialogs.Content;
using BackCareBot.Dialogs.Engine;

namespace BackCareBot.Dialogs.Triage.Flow;

/// <summary>
/// Asks, one at a time and in plain words, about the red-flag symptoms people rarely volunteer. A question
/// is skipped when the person already told us about it. "Not sure", or no usable answer after the retries,
/// counts as yes: the bot errs on the side of caution. An emergency answer ends the triage at once.
/// </summary>
public sealed class SymptomsDialog(TriageServices services, TriageQuestions questions)
{
    public Dialog Build() => new WaterfallDialog<SymptomProgress>(
        DialogIds.Symptoms,
        FlowJsonContext.Default.SymptomProgress,
        () => new SymptomProgress(),
        [AskNextQuestionAsync, RecordAnswerAsync, RecordLegDetailAsync]);

    private async Task<DialogTurnResult> AskNextQuestionAsync(WaterfallStepContext<SymptomProgress> step, CancellationToken cancellationToken)
    {
        var facts = Facts(step);
        var question = services.Content.SymptomQuestions.FirstOrDefault(q => NeedsAsking(q, facts));
        if (question is null)
        {
            facts.PendingQuestion = null;
            return await step.EndDialogAsync(cancellationToken: cancellationToken);
        }

        var locale = step.Context.Activity.Locale;
        if (!step.State.IntroSent)
        {
            step.State.IntroSent = true;
            await step.Context.SendActivityAsync(services.Replies.Say("symptomsIntro", locale), cancellationToken);
        }

        facts.PendingQuestion = question.Id;
        return await step.PromptAsync(DialogIds.YesNoPrompt, questions.Ask(TriageQuestions.SymptomKey(question), step.Context), cancellationToken);
    }

    private async Task<DialogTurnResult> RecordAnswerAsync(WaterfallStepContext<SymptomProgress> step, CancellationToken cancellationToken)
    {
        var facts = Facts(step);
        var question = services.Content.SymptomQuestions.First(q => q.Id == facts.PendingQuestion);
        var answer = step.Result.IsGaveUp ? SymptomAnswer.NotSure : ReadAnswer(step, question, facts);
        facts.SymptomAnswers[question.Id] = answer;
        if (answer == SymptomAnswer.No)
        {
            facts.DeniedFlags.Add(question.Flag);
            return await NextQuestionAsync(step, cancellationToken);
        }

        var locale = step.Context.Activity.Locale;
        if (question.FollowUp is not null && !services.Content.LegDetailFlags.Any(facts.RedFlags.Contains))
        {
            if (answer == SymptomAnswer.NotSure)
            {
                await step.Context.SendActivityAsync(services.Replies.Say("notSureTreatedAsYes", locale), cancellationToken);
            }

            return await step.PromptAsync(DialogIds.LegDetailPrompt, questions.Ask(TriageQuestions.LegDetail, step.Context), cancellationToken);
        }

        if (question.FollowUp is null)
        {
            facts.AddRedFlag(question.Flag);
        }

        // The emergency advice goes first and alone, so the "treated as yes" note only precedes lesser outcomes.
        if (answer == SymptomAnswer.NotSure && services.Levels.Assess(facts).Level != TriageLevel.Emergency)
        {
            await step.Context.SendActivityAsync(services.Replies.Say("notSureTreatedAsYes", locale), cancellationToken);
        }

        return await EmergencyOrNextAsync(step, cancellationToken);
    }

    private async Task<DialogTurnResult> RecordLegDetailAsync(WaterfallStepContext<SymptomProgress> step, CancellationToken cancellationToken)
    {
        var facts = Facts(step);
        var flags = services.Content.LegDetailFlags;
        var flag = step.Result.IsGaveUp ? flags[0] : services.Phrases.LegFlag(step.Context.Activity.Text);
        if (flag is not null)
        {
            facts.AddRedFlag(flag);
        }

        return await EmergencyOrNextAsync(step, cancellationToken);
    }

    private async Task<DialogTurnResult> EmergencyOrNextAsync(WaterfallStepContext<SymptomProgress> step, CancellationToken cancellationToken)
    {
        var facts = Facts(step);
        if (services.Levels.Assess(facts).Level == TriageLevel.Emergency)
        {
            return await services.EndInEmergencyAsync(step.DialogContext, facts, cancellationToken);
        }

        return await NextQuestionAsync(step, cancellationToken);
    }

    private static Task<DialogTurnResult> NextQuestionAsync(WaterfallStepContext<SymptomProgress> step, CancellationToken cancellationToken) =>
        step.ReplaceDialogAsync(DialogIds.Symptoms, step.State, cancellationToken);

    private SymptomAnswer ReadAnswer(WaterfallStepContext<SymptomProgress> step, SymptomQuestion question, TriageFacts facts)
    {
        if (services.Phrases.YesNo(step.Context.Activity.Text) is { } answer)
        {
            return answer;
        }

        var related = services.Content.FlagsAskedBy(question);
        return related.Any(facts.RedFlags.Contains) ? SymptomAnswer.Yes : SymptomAnswer.No;
    }

    private bool NeedsAsking(SymptomQuestion question, TriageFacts facts)
    {
        if (facts.SymptomAnswers.ContainsKey(question.Id))
        {
            return false;
        }

        var related = services.Content.FlagsAskedBy(question);
        if (related.Any(f => facts.RedFlags.Contains(f)) || facts.DeniedFlags.Contains(question.Flag))
        {
            return false;
        }

        return !(question.SkipWhenTriggerKnown && facts.Trigger is not null);
    }

    private static TriageFacts Facts(WaterfallStepContext<SymptomProgress> step) => TriageTurn.Of(step.Context).Facts;
}
