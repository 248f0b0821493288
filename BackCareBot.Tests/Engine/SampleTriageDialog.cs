using System.Text.Json.Serialization;
using BackCareBot.Dialogs.Engine;
using BackCareBot.Protocol.Schema;

namespace BackCareBot.Tests.Engine;

internal sealed class TriageState
{
    public string? Area { get; set; }

    public decimal? Pain { get; set; }

    public bool? Numbness { get; set; }
}

internal sealed record TriageOutcome(string Area, decimal Pain, bool Numbness);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(TriageState))]
[JsonSerializable(typeof(CounterState))]
internal sealed partial class EngineTestJsonContext : JsonSerializerContext;

internal static class Say
{
    public static Activity Message(string text) => new() { Type = ActivityTypes.Message, Text = text };
}

/// <summary>
/// A small triage as the lead will write it: a component whose interruption hook watches every message
/// for a red flag, around a waterfall of a choice, a number and a confirm prompt.
/// </summary>
internal sealed class SampleTriageDialog : ComponentDialog
{
    public const string DialogId = "triage";
    public const string RedFlagWord = "legs";
    public const string RedFlagReply = "RED FLAG: call 999 now.";
    public const string AreaQuestion = "Where is the pain?";
    public const string AreaRetry = "Please pick lower, upper or neck.";
    public const string PainQuestion = "Pain from 0 to 10?";
    public const string PainRetry = "A number from 0 to 10, please.";
    public const string NumbQuestion = "Any numbness?";
    public const string GaveUpAdvice = "Let's stop here: if it gets worse, call 111.";

    public static readonly Choice[] Areas =
    [
        new("lower") { Title = "Lower back", Synonyms = ["lumbar", "bottom of my back"] },
        new("upper") { Title = "Upper back", Synonyms = ["between my shoulder blades"] },
        new("neck") { Synonyms = ["cervical"] },
    ];

    public SampleTriageDialog()
        : base(DialogId)
    {
        AddDialog(new WaterfallDialog<TriageState>(
            "triage.steps",
            EngineTestJsonContext.Default.TriageState,
            () => new TriageState(),
            [AskAreaAsync, AskPainAsync, AskNumbnessAsync, SummariseAsync]));
        AddDialog(new ChoicePrompt("triage.area"));
        AddDialog(new NumberPrompt("triage.pain", (v, _) => Task.FromResult(v.Recognized.Value is >= 0 and <= 10)));
        AddDialog(new ConfirmPrompt("triage.numb"));
    }

    /// <summary>Every message the interruption hook saw, in order.</summary>
    public List<string> Seen { get; } = [];

    protected override async Task<DialogTurnResult> OnBeginDialogAsync(DialogContext innerDc, object? options, CancellationToken cancellationToken) =>
        await InterruptAsync(innerDc, cancellationToken) ?? await base.OnBeginDialogAsync(innerDc, options, cancellationToken);

    protected override async Task<DialogTurnResult> OnContinueDialogAsync(DialogContext innerDc, CancellationToken cancellationToken) =>
        await InterruptAsync(innerDc, cancellationToken) ?? await base.OnContinueDialogAsync(innerDc, cancellationToken);

    private async Task<DialogTurnResult?> InterruptAsync(DialogContext innerDc, CancellationToken cancellationToken)
    {
        var text = innerDc.Context.Activity.Text ?? string.Empty;
        Seen.Add(text);
        if (!text.Contains(RedFlagWord, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        await innerDc.Context.SendActivityAsync(Say.Message(RedFlagReply), cancellationToken);
        return await innerDc.CancelAllDialogsAsync(cancellationToken);
    }

    private static async Task<DialogTurnResult> AskAreaAsync(WaterfallStepContext<TriageState> step, CancellationToken cancellationToken)
    {
        if (step.State.Area is not null)
        {
            return await step.NextAsync(cancellationToken: cancellationToken);
        }

        return await step.PromptAsync(
            "triage.area",
            new PromptOptions { Prompt = Say.Message(AreaQuestion), RetryPrompt = Say.Message(AreaRetry), Choices = Areas },
            cancellationToken);
    }

    private static async Task<DialogTurnResult> AskPainAsync(WaterfallStepContext<TriageState> step, CancellationToken cancellationToken)
    {
        if (step.Result.IsGaveUp)
        {
            await step.Context.SendActivityAsync(Say.Message(GaveUpAdvice), cancellationToken);
            return await step.EndDialogAsync(DialogResult.GaveUp, cancellationToken);
        }

        step.State.Area ??= step.Result.Choice!.Value;
        return await step.PromptAsync(
            "triage.pain",
            new PromptOptions { Prompt = Say.Message(PainQuestion), RetryPrompt = Say.Message(PainRetry), MaxRetries = 2 },
            cancellationToken);
    }

    private static async Task<DialogTurnResult> AskNumbnessAsync(WaterfallStepContext<TriageState> step, CancellationToken cancellationToken)
    {
        if (step.Result.IsGaveUp)
        {
            await step.Context.SendActivityAsync(Say.Message(GaveUpAdvice), cancellationToken);
            return await step.EndDialogAsync(DialogResult.GaveUp, cancellationToken);
        }

        step.State.Pain = step.Result.Number;
        return await step.PromptAsync("triage.numb", new PromptOptions { Prompt = Say.Message(NumbQuestion) }, cancellationToken);
    }

    private static async Task<DialogTurnResult> SummariseAsync(WaterfallStepContext<TriageState> step, CancellationToken cancellationToken)
    {
        step.State.Numbness = step.Result.Confirmed;
        var outcome = new TriageOutcome(step.State.Area!, step.State.Pain!.Value, step.State.Numbness ?? false);
        await step.Context.SendActivityAsync(Say.Message($"area={outcome.Area} pain={outcome.Pain} numb={outcome.Numbness}"), cancellationToken);
        return await step.EndDialogAsync(DialogResult.From(outcome), cancellationToken);
    }
}
