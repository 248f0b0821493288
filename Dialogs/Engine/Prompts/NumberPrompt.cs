using BackCareBot.Protocol.Schema;

namespace BackCareBot.Dialogs.Engine;

/// <summary>Asks for a number; by default read with <see cref="EnglishNumberParser"/>.</summary>
public sealed class NumberPrompt : Prompt<decimal>
{
    private readonly Func<string, decimal?> _parse;

    public NumberPrompt(
        string id,
        Func<PromptValidatorContext<decimal>, CancellationToken, Task<bool>>? validator = null,
        Func<string, decimal?>? parse = null,
        IPromptCatalog? catalog = null)
        : base(id, validator, catalog)
    {
        _parse = parse ?? EnglishNumberParser.Parse;
    }

    protected override PromptRecognizerResult<decimal> Recognize(Activity activity, IReadOnlyList<Choice> choices)
    {
        foreach (var answer in PromptText.Answers(activity))
        {
            if (_parse(answer) is { } number)
            {
                return PromptRecognizerResult<decimal>.Success(number);
            }
        }

        return PromptRecognizerResult<decimal>.Failed;
    }
}
