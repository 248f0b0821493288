using BackCareBot.Dialogs.Engine;
using BackCareBot.Dialogs.Messages;

namespace BackCareBot.Dialogs.Triage.Flow;

/// <summary>
/// The triage's prompts. The safety net has already folded each message into the facts before a prompt
/// sees it, so a prompt is satisfied when its slot is now known, whatever words filled it; short answers
/// ("not sure", "suddenly", a bare number) are read here.
/// </summary>
public sealed class TriagePrompts(TriageServices services, IPromptCatalog questions)
{
    public IEnumerable<Dialog> All() =>
    [
        new TextPrompt(DialogIds.OnsetWhenPrompt, (prompt, _) => Task.FromResult(OnsetWhenKnown(prompt)), questions),
        new TextPrompt(DialogIds.OnsetHowPrompt, (prompt, _) => Task.FromResult(OnsetHowKnown(prompt)), questions),
        new TextPrompt(DialogIds.LocationPrompt, (prompt, _) => Task.FromResult(LocationKnown(prompt)), questions),
        new TextPrompt(DialogIds.SeverityPrompt, (prompt, _) => Task.FromResult(SeverityKnown(prompt)), questions),
        new TextPrompt(DialogIds.YesNoPrompt, (prompt, _) => Task.FromResult(SymptomAnswered(prompt)), questions),
        new TextPrompt(DialogIds.LegDetailPrompt, (prompt, _) => Task.FromResult(LegDetailKnown(prompt)), questions),
        new ChoicePrompt(DialogIds.ForgetPrompt, catalog: questions),
        new ChoicePrompt(DialogIds.FollowUpPrompt, catalog: questions),
    ];

    private bool OnsetWhenKnown(PromptValidatorContext<string> prompt) =>
        Facts(prompt).OnsetSeconds is not null || services.Phrases.IsAnswer(prompt.Context.Activity.Text, "notSure");

    private bool OnsetHowKnown(PromptValidatorContext<string> prompt)
    {
        var facts = Facts(prompt);
        var text = prompt.Context.Activity.Text;
        if (services.Phrases.IsAnswer(text, "sudden"))
        {
            facts.Pace = "sudden";
        }
        else if (services.Phrases.IsAnswer(text, "gradual"))
        {
            facts.Pace = "gradual";
        }
        else if (services.Phrases.IsAnswer(text, "afterFall"))
        {
            facts.Trigger = "trauma";
            facts.AddRedFlag("trauma");
        }
        else if (!services.Phrases.IsAnswer(text, "notSure") && !facts.OnsetHowAnswered)
        {
            return false;
        }

        facts.OnsetHowAnswered = true;
        return true;
    }

    private bool LocationKnown(PromptValidatorContext<string> prompt) =>
        Facts(prompt).Locations.Count > 0 || services.Phrases.IsAnswer(prompt.Context.Activity.Text, "notSure");

    private static bool SeverityKnown(PromptValidatorContext<string> prompt)
    {
        var facts = Facts(prompt);

        // The spoken question offers the 0 key for ten, as a phone keypad has no key for 10.
        var activity = prompt.Context.Activity;
        if (PhoneCall.IsKeyPress(activity) && activity.Text!.Trim() == "0")
        {
            facts.Severity = 10;
            return true;
        }

        if (facts.Severity is not null)
        {
            return true;
        }

        // A bare number is a pain score here, though the recogniser rightly ignores bare numbers elsewhere.
        if (EnglishNumberParser.Parse(prompt.Context.Activity.Text) is { } number && number is >= 0 and <= 10 && decimal.IsInteger(number))
        {
            facts.Severity = (int)number;
            return true;
        }

        return false;
    }

    // A free-text answer counts when it told us about the question's red flag either way.
    private bool SymptomAnswered(PromptValidatorContext<string> prompt)
    {
        if (services.Phrases.YesNo(prompt.Context.Activity.Text) is not null)
        {
            return true;
        }

        var facts = Facts(prompt);
        var question = services.Content.SymptomQuestions.FirstOrDefault(q => q.Id == facts.PendingQuestion);
        if (question is null)
        {
            return false;
        }

        var related = services.Content.FlagsAskedBy(question);
        return related.Any(flag => facts.RedFlags.Contains(flag) || facts.DeniedFlags.Contains(flag));
    }

    private bool LegDetailKnown(PromptValidatorContext<string> prompt) =>
        services.Phrases.LegFlag(prompt.Context.Activity.Text) is not null
        || services.Content.LegDetailFlags.Any(Facts(prompt).RedFlags.Contains);

    private static TriageFacts Facts<T>(PromptValidatorContext<T> prompt) => TriageTurn.Of(prompt.Context).Facts;
}
