using BackCareBot.Protocol.Builder;

namespace BackCareBot.Dialogs.Engine;

/// <summary>What a prompt's validator sees: the turn, what was recognised, the options and how many attempts were made.</summary>
public sealed record PromptValidatorContext<T>(
    ITurnContext Context,
    PromptRecognizerResult<T> Recognized,
    IReadOnlyList<Choice> Choices,
    int AttemptCount);
