using System.Text.Json;
using BackCareBot.Protocol.Schema;

namespace BackCareBot.Dialogs.Engine;

/// <summary>
/// Asks the person to pick one of <see cref="PromptOptions.Choices"/>, offered as imBack buttons on every
/// send, and recognised with <see cref="ChoiceRecognizer"/> or from a card submit's value.
/// </summary>
public sealed class ChoicePrompt(string id, Func<PromptValidatorContext<FoundChoice>, CancellationToken, Task<bool>>? validator = null, IPromptCatalog? catalog = null)
    : Prompt<FoundChoice>(id, validator, catalog)
{
    protected override PromptRecognizerResult<FoundChoice> Recognize(Activity activity, IReadOnlyList<Choice> choices)
    {
        foreach (var answer in PromptText.Answers(activity))
        {
            if (ChoiceRecognizer.Recognize(answer, choices) is { } found)
            {
                return PromptRecognizerResult<FoundChoice>.Success(found);
            }
        }

        return PromptRecognizerResult<FoundChoice>.Failed;
    }

    protected override void Decorate(Activity outgoing, IReadOnlyList<Choice> choices)
    {
        if (choices.Count == 0)
        {
            return;
        }

        outgoing.SuggestedActions ??= new SuggestedActions();
        foreach (var choice in choices)
        {
            var title = choice.Title ?? choice.Value;
            outgoing.SuggestedActions.Actions.Add(new CardAction
            {
                Type = ActionTypes.ImBack,
                Title = title,
                Value = JsonSerializer.SerializeToElement(title, EngineJsonContext.Default.String),
            });
        }
    }
}
