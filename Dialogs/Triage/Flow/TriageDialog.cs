using BackCareBot.Dialogs.Engine;
using BackCareBot.Dialogs.FollowUps;

namespace BackCareBot.Dialogs.Triage.Flow;

/// <summary>
/// The whole triage: the questions in order, the direct symptom questions, and "forget me", all under the
/// safety net. Started afresh for any message when nothing is active; after an outcome it only reminds the
/// person what they can do next, until they start over.
/// </summary>
public sealed class TriageDialog : SafetyNetDialog
{
    public TriageDialog(TriageServices services)
        : base(DialogIds.Triage, services)
    {
        var questions = new TriageQuestions(services);
        AddDialog(new TriageStepsDialog(services, questions).Build());
        AddDialog(new SymptomsDialog(services, questions).Build());
        AddDialog(new ForgetMeDialog(services, questions).Build());
        AddDialog(new FollowUpOfferDialog(services, questions).Build());
        foreach (var prompt in new TriagePrompts(services, questions).All())
        {
            AddDialog(prompt);
        }

        InitialDialogId = DialogIds.Steps;
    }

    protected override async Task<DialogTurnResult> OnStartAsync(DialogContext innerDc, object? options, CancellationToken cancellationToken)
    {
        var context = innerDc.Context;
        var facts = TriageTurn.Of(context).Facts;
        if (facts.Outcome is { } outcome && context.Activity.Type == Protocol.Schema.ActivityTypes.Message)
        {
            var key = outcome == TriageLevel.Emergency ? "emergencyCommand" : "afterOutcome";
            await context.SendActivityAsync(
                outcome == TriageLevel.Emergency ? Services.Replies.Insist(key, context.Activity.Locale) : Services.Replies.Say(key, context.Activity.Locale),
                cancellationToken);
            return new DialogTurnResult(DialogTurnStatus.Complete);
        }

        return await base.OnStartAsync(innerDc, options, cancellationToken);
    }

    protected override Task<DialogTurnResult> RestartAsync(DialogContext innerDc, CancellationToken cancellationToken) =>
        innerDc.BeginDialogAsync(DialogIds.Steps, cancellationToken: cancellationToken);
}
