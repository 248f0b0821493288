namespace BackCareBot.Dialogs.Engine;

/// <summary>What a prompt's recogniser made of a message.</summary>
public readonly record struct PromptRecognizerResult<T>(bool Succeeded, T? Value)
{
    public static PromptRecognizerResult<T> Failed => default;

    public static PromptRecognizerResult<T> Success(T value) => new(true, value);
}
