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
    private readonly IPromptCatalog? _catalog;

    protected Prompt(string id, Func<PromptValidatorContext<T>, CancellationToken, Task<bool>>? validator, IPromptCatalog? catalog)
        : base(id)
    {
        _validator = validator;
        _catalog = catalog;
    }

    public sealed override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        if (options is not PromptOptions prompt)
        {
            throw new ArgumentException($"Prompt '{Id}' must be started with {nameof(PromptOptions)}.", nameof(options));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(prompt.MaxRetries, nameof(options));
        if (prompt.CatalogKey is not null && _catalog is null)
        {
            throw new ArgumentException($"Prompt '{Id}' has no catalog to rebuild '{prompt.CatalogKey}' from.", nameof(options));
        }

        var data = prompt.CatalogKey is { } key
            ? new PromptOptionsData { CatalogKey = key }
            : new PromptOptionsData
            {
                Prompt = ToJson(prompt.Prompt),
                RetryPrompt = prompt.RetryPrompt is null ? null : ToJson(prompt.RetryPrompt),
                Choices = prompt.Choices,
                MaxRetries = prompt.MaxRetries,
            };
        var instance = dc.ActiveDialog!;
        instance.State[OptionsKey] = JsonSerializer.SerializeToNode(data, EngineJsonContext.Default.PromptOptionsData);
        instance.State[FailedAttemptsKey] = 0;
        instance.TypedState = data;
        var question = data.Prompt is { } json ? BotJson.Deserialize(json)! : prompt.Prompt;
        await SendAsync(dc.Context, question, prompt.Choices, data.CatalogKey, cancellationToken);
        return DialogTurnResult.Waiting;
    }

    public sealed override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        if (dc.Context.Activity.Type != ActivityTypes.Message)
        {
            return DialogTurnResult.Waiting;
        }

        var instance = dc.ActiveDialog!;
        var prompt = Load(dc.Context, instance);
        var failedAttempts = instance.State[FailedAttemptsKey]?.GetValue<int>() ?? 0;

        // A button of an earlier question's card answers that question, not this one: ask this one again.
        if (prompt.Key is { } key && PromptQuestionTag.AnsweredBy(dc.Context.Activity) is { } answered && answered != key)
        {
            await SendAsync(dc.Context, prompt.Question(), prompt.Choices, key, cancellationToken);
            return DialogTurnResult.Waiting;
        }

        var recognized = Recognize(dc.Context.Activity, prompt.Choices);
        if (await IsValidAsync(dc.Context, recognized, prompt.Choices, failedAttempts + 1, cancellationToken))
        {
            return await dc.EndDialogAsync(DialogResult.From(recognized.Value!), cancellationToken);
        }

        failedAttempts++;
        instance.State[FailedAttemptsKey] = failedAttempts;
        if (failedAttempts > prompt.MaxRetries)
        {
            return await dc.EndDialogAsync(DialogResult.GaveUp, cancellationToken);
        }

        await SendAsync(dc.Context, prompt.Retry(), prompt.Choices, prompt.Key, cancellationToken);
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
        var prompt = Load(turnContext, instance);
        return SendAsync(turnContext, prompt.Question(), prompt.Choices, prompt.Key, cancellationToken);
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

    private Task SendAsync(ITurnContext turnContext, Activity outgoing, IReadOnlyList<Choice> choices, string? key, CancellationToken cancellationToken)
    {
        outgoing.InputHint ??= InputHints.ExpectingInput;
        Decorate(outgoing, choices);
        if (key is not null)
        {
            PromptQuestionTag.Set(turnContext, outgoing, key);
        }

        return turnContext.SendActivityAsync(outgoing, cancellationToken);
    }

    private StoredPrompt Load(ITurnContext turnContext, DialogInstance instance)
    {
        if (instance.TypedState is not PromptOptionsData data)
        {
            data = instance.State[OptionsKey]?.Deserialize(EngineJsonContext.Default.PromptOptionsData)
                ?? throw new InvalidOperationException("A prompt's stored options are missing.");
            instance.TypedState = data;
        }

        if (data.CatalogKey is not { } key)
        {
            return new StoredPrompt(data, null);
        }

        var found = _catalog?.Find(key, turnContext)
            ?? throw new InvalidOperationException($"Prompt '{Id}' cannot rebuild '{key}': no catalog knows it.");
        return new StoredPrompt(data, found);
    }

    private static string ToJson(Activity activity) => BotJson.Serialize(activity);

    /// <summary>
    /// The prompt as one later turn sees it: a catalog prompt rebuilt for this turn, or the stored JSON. Either way
    /// the question is made only when the turn sends it.
    /// </summary>
    private sealed class StoredPrompt(PromptOptionsData data, CatalogPrompt? found)
    {
        public string? Key => data.CatalogKey;

        public IReadOnlyList<Choice> Choices => found?.Choices ?? data.Choices ?? [];

        public int MaxRetries => found?.MaxRetries ?? data.MaxRetries ?? PromptOptions.DefaultMaxRetries;

        public Activity Question() => found?.Question() ?? BotJson.Deserialize(data.Prompt!)!;

        public Activity Retry() => found?.Retry() ?? BotJson.Deserialize(data.RetryPrompt ?? data.Prompt!)!;
    }
}
