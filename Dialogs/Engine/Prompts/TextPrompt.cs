using BackCareBot.Protocol.Schema;

namespace BackCareBot.Dialogs.Engine;

/// <summary>Accepts any non-empty text, trimmed.</summary>
public sealed class TextPrompt(string id, Func<PromptValidatorContext<string>, CancellationToken, Task<bool>>? validator = null, IPromptCatalog? catalog = null)
    : Prompt<string>(id, validator, catalog)
{
    protected override PromptRecognizerResult<string> Recognize(Activity activity, IReadOnlyList<Choice> choices) =>
        string.IsNullOrWhiteSpace(activity.Text)
            ? PromptRecognizerResult<string>.Failed
            : PromptRecognizerResult<string>.Success(activity.Text.Trim());
}
