using System.Text.Json;
using BackCareBot.Protocol.Builder;
using BackCareBot.Protocol.Schema;

namespace BackCareBot.Dialogs.Engine;

/// <summary>
/// Asks a question and waits until the answer is recognised and valid. Every failed attempt re-sends the
/// retry prompt (also when a validator rejects), and after <see cref="PromptOptions.MaxRetries"/> retries the
/// prompt ends with <see cref="DialogResult.GaveUp"/> rather than asking forever.
/// </summary>
public abstract class Prompt<T> : Dialog
    where T : notnull
{
    private const string OptionsKey = "options";
    private const string FailedAttemptsKey = "failedAttempts";

    private readonly Func<PromptValidatorContext<T>, CancellationToken, Task<bool>>? _validator;

    protected Prompt(string id, Func<PromptValidatorContext<T>, CancellationToken, Task<bool>>? validator)
        : base(id)
    {
        _validator = validator;
    }

    public sealed override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        if (options is not PromptOptions prompt)
        {
            throw new ArgumentException($"Prompt '{Id}' must be started with {nameof(PromptOptions)}.", nameof(options));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(prompt.MaxRetries, nameof(options));
        var data = new PromptOptionsData(
            ToJson(prompt.Prompt),
            prompt.RetryPrompt is null ? null : ToJson(prompt.RetryPrompt),
            prompt.Choices,
            prompt.MaxRetries);
        var instance = dc.ActiveDialog!;
        instance.State[OptionsKey] = JsonSerializer.SerializeToNode(data, EngineJsonContext.Default.PromptOptionsData);
        instance.State[FailedAttemptsKey] = 0;
        instance.TypedState = data;
        await SendAsync(dc.Context, data, data.Prompt, cancellationToken);
        return DialogTurnResult.Waiting;
    }

    public sealed override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        if (dc.Context.Activity.Type != ActivityTypes.Message)
        {
            return DialogTurnResult.Waiting;
        }

        var instance = dc.ActiveDialog!;
        var data = Load(instance);
        var failedAttempts = instance.State[FailedAttemptsKey]?.GetValue<int>() ?? 0;
        var recognized = Recognize(dc.Context.Activity, data.Choices);
        if (await IsValidAsync(dc.Context, recognized, data.Choices, failedAttempts + 1, cancellationToken))
        {
            return await dc.EndDialogAsync(DialogResult.From(recognized.Value!), cancellationToken);
        }

        failedAttempts++;
        instance.State[FailedAttemptsKey] = failedAttempts;
        if (failedAttempts > data.MaxRetries)
        {
            return await dc.EndDialogAsync(DialogResult.GaveUp, cancellationToken);
        }

        await SendAsync(dc.Context, data, data.RetryPrompt ?? data.Prompt, cancellationToken);
        return DialogTurnResult.Waiting;
    }

    /// <summary>A dialog started over this prompt has ended: ask the question again.</summary>
    public override async Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, DialogResult result, CancellationToken cancellationToken)
    {
        await RepromptDialogAsync(dc.Context, dc.ActiveDialog!, cancellationToken);
        return DialogTurnResult.Waiting;
    }

    public override Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken)
    {
        var data = Load(instance);
        return SendAsync(turnContext, data, data.Prompt, cancellationToken);
    }

    /// <summary>Reads the answer out of a message.</summary>
    protected abstract PromptRecognizerResult<T> Recognize(Activity activity, IReadOnlyList<Choice> choices);

    /// <summary>Changes the copy of the prompt about to be sent, e.g. to add buttons.</summary>
    protected virtual void Decorate(Activity outgoing, IReadOnlyList<Choice> choices)
    {
    }

    private async Task<bool> IsValidAsync(ITurnContext turnContext, PromptRecognizerResult<T> recognized, IReadOnlyList<Choice> choices, int attemptCount, CancellationToken cancellationToken)
    {
        if (_validator is null)
        {
            return recognized.Succeeded;
        }

        // The validator decides even for unrecognised input, but an accepted unrecognised answer has no value to return.
        var valid = await _validator(new PromptValidatorContext<T>(turnContext, recognized, choices, attemptCount), cancellationToken);
        return valid && recognized.Succeeded;
    }

    private Task SendAsync(ITurnContext turnContext, PromptOptionsData data, string activityJson, CancellationToken cancellationToken)
    {
        var outgoing = BotJson.Deserialize(activityJson)!;
        outgoing.InputHint ??= InputHints.ExpectingInput;
        Decorate(outgoing, data.Choices);
        return turnContext.SendActivityAsync(outgoing, cancellationToken);
    }

    private static PromptOptionsData Load(DialogInstance instance)
    {
        if (instance.TypedState is PromptOptionsData cached)
        {
            return cached;
        }

        var data = instance.State[OptionsKey]?.Deserialize(EngineJsonContext.Default.PromptOptionsData)
            ?? throw new InvalidOperationException("A prompt's stored options are missing.");
        instance.TypedState = data;
        return data;
    }

    private static string ToJson(Activity activity) => BotJson.Serialize(activity);
}
