using BackCareBot.Protocol.Builder;

namespace BackCareBot.Dialogs.Engine;

/// <summary>What one waterfall step sees: the turn, its typed state, the previous step's result, and the stack operations.</summary>
public sealed class WaterfallStepContext<TState>
    where TState : class
{
    private readonly WaterfallDialog<TState> _waterfall;
    private readonly DialogInstance _instance;
    private TState _state;
    private bool _nextCalled;

    internal WaterfallStepContext(WaterfallDialog<TState> waterfall, DialogContext dc, DialogInstance instance, int index, DialogResult result, TState state)
    {
        _waterfall = waterfall;
        _instance = instance;
        _state = state;
        DialogContext = dc;
        Index = index;
        Result = result;
    }

    public DialogContext DialogContext { get; }

    public ITurnContext Context => DialogContext.Context;

    /// <summary>The zero-based position of the running step.</summary>
    public int Index { get; }

    /// <summary>The result of the previous step's prompt or child dialog (none for the first step).</summary>
    public DialogResult Result { get; }

    /// <summary>The waterfall's own state. Mutate it, or assign a new value (for records).</summary>
    public TState State
    {
        get => _state;
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            _state = value;
            _instance.TypedState = value;
        }
    }

    /// <summary>Runs the next step now, e.g. to skip a question whose answer is already known.</summary>
    public Task<DialogTurnResult> NextAsync(DialogResult result = default, CancellationToken cancellationToken = default)
    {
        if (_nextCalled)
        {
            throw new InvalidOperationException($"NextAsync was already called in step {Index} of '{_waterfall.Id}'.");
        }

        _nextCalled = true;
        return _waterfall.RunStepAsync(DialogContext, _instance, Index + 1, result, cancellationToken);
    }

    public Task<DialogTurnResult> PromptAsync(string dialogId, PromptOptions options, CancellationToken cancellationToken = default) =>
        DialogContext.PromptAsync(dialogId, options, cancellationToken);

    public Task<DialogTurnResult> BeginDialogAsync(string dialogId, object? options = null, CancellationToken cancellationToken = default) =>
        DialogContext.BeginDialogAsync(dialogId, options, cancellationToken);

    public Task<DialogTurnResult> EndDialogAsync(DialogResult result = default, CancellationToken cancellationToken = default) =>
        DialogContext.EndDialogAsync(result, cancellationToken);

    public Task<DialogTurnResult> ReplaceDialogAsync(string dialogId, object? options = null, CancellationToken cancellationToken = default) =>
        DialogContext.ReplaceDialogAsync(dialogId, options, cancellationToken);

    public Task<DialogTurnResult> CancelAllDialogsAsync(CancellationToken cancellationToken = default) =>
        DialogContext.CancelAllDialogsAsync(cancellationToken);
}
