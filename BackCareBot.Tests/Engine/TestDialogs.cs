using BackCareBot.Dialogs.Engine;

namespace BackCareBot.Tests.Engine;

internal sealed class CounterState
{
    public int Count { get; set; }

    public List<string> Log { get; set; } = [];
}

/// <summary>A root component that just holds the dialogs a test needs; the first one starts.</summary>
internal sealed class TestComponent : ComponentDialog
{
    public TestComponent(string id, params Dialog[] dialogs)
        : base(id)
    {
        foreach (var dialog in dialogs)
        {
            AddDialog(dialog);
        }
    }
}

internal static class TestDialogs
{
    public static WaterfallDialog<CounterState> Waterfall(string id, params WaterfallStep<CounterState>[] steps) =>
        new(id, EngineTestJsonContext.Default.CounterState, () => new CounterState(), steps);

    /// <summary>A root that asks one prompt and answers with how it described the result.</summary>
    public static Dialog EchoPrompt(Dialog prompt, PromptOptions options, Func<DialogResult, string> describe) =>
        new TestComponent(
            "root",
            Waterfall(
                "echo",
                (step, ct) => step.PromptAsync(prompt.Id, options, ct),
                async (step, ct) =>
                {
                    await step.Context.SendActivityAsync(Say.Message(step.Result.IsGaveUp ? "gave up" : describe(step.Result)), ct);
                    return await step.EndDialogAsync(step.Result, ct);
                }),
            prompt);
}
