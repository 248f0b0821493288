using BackCareBot.Protocol.Schema;

namespace BackCareBot.Dialogs.Engine;

/// <summary>Asks a yes/no question; the answer is matched against <see cref="ConfirmWords"/>, longest phrase first.</summary>
public sealed class ConfirmPrompt : Prompt<bool>
{
    private readonly (string Phrase, bool Value)[] _phrases;

    public ConfirmPrompt(
        string id,
        Func<PromptValidatorContext<bool>, CancellationToken, Task<bool>>? validator = null,
        ConfirmWords? words = null,
        IPromptCatalog? catalog = null)
        : base(id, validator, catalog)
    {
        words ??= ConfirmWords.English;

        // Longest first, so "not really" wins over a shorter phrase it starts with.
        _phrases = words.Yes.Select(w => (PromptText.Normalize(w), true))
            .Concat(words.No.Select(w => (PromptText.Normalize(w), false)))
            .Where(p => p.Item1.Length > 0)
            .OrderByDescending(p => p.Item1.Length)
            .ToArray();
    }

    protected override PromptRecognizerResult<bool> Recognize(Activity activity, IReadOnlyList<Choice> choices)
    {
        foreach (var answer in PromptText.Answers(activity))
        {
            var text = PromptText.Normalize(answer);
            foreach (var (phrase, value) in _phrases)
            {
                if (text == phrase || (text.StartsWith(phrase, StringComparison.Ordinal) && text[phrase.Length] == ' '))
                {
                    return PromptRecognizerResult<bool>.Success(value);
                }
            }
        }

        return PromptRecognizerResult<bool>.Failed;
    }
}
