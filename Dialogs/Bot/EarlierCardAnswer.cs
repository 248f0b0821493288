using BackCareBot.Dialogs.Engine;
using BackCareBot.Dialogs.Triage;
using BackCareBot.Dialogs.Triage.Flow;
using BackCareBot.Protocol.Schema;

namespace BackCareBot.Dialogs.Bot;

/// <summary>
/// A "yes" (or "not sure") pressed on an earlier symptom question's card still reports that symptom, so it reaches
/// the safety net like a typed one. The waiting question is then asked again rather than answered by the press.
/// </summary>
internal sealed class EarlierCardAnswer(TriageServices services)
{
    public Observation Fold(Observation observation, Activity activity, TriageFacts facts)
    {
        if (PromptQuestionTag.AnsweredBy(activity) is not { } key
            || services.Content.SymptomQuestions.FirstOrDefault(q => TriageQuestions.SymptomKey(q) == key) is not { } question
            || question.Id == facts.PendingQuestion
            || services.Phrases.YesNo(activity.Text) is not (SymptomAnswer.Yes or SymptomAnswer.NotSure)
            || observation.AffirmedFlags.Any(f => f.Id == question.Flag))
        {
            return observation;
        }

        FlagMention mention = new(question.Flag, services.Observations.LevelOf(question.Flag));
        return observation with { AffirmedFlags = [.. observation.AffirmedFlags, mention] };
    }
}
