using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using BackCareBot.Protocol.Schema;

namespace BackCareBot.Dialogs.Engine;

/// <summary>
/// A fixed sequence of steps, declared in the order they run, sharing one typed state object.
/// </summary>
/// <remarks>
/// Typed state: each waterfall owns a <typeparamref name="TState"/> (a small class or record with a
/// source-generated <see cref="JsonTypeInfo{T}"/>) that steps read and change through
/// <see cref="WaterfallStepContext{TState}.State"/>. It is stored as plain JSON in the dialog's instance after
/// every step, so it survives across turns without .NET type names. The options passed to
/// <see cref="DialogContext.BeginDialogAsync"/> become the initial state when they are a <typeparamref name="TState"/>;
/// otherwise the state starts from the factory. The previous step's outcome arrives as a typed
/// <see cref="DialogResult"/> in <see cref="WaterfallStepContext{TState}.Result"/>.
/// </remarks>
public sealed class WaterfallDialog<TState> : Dialog
    where TState : class
{
    private const string StepKey = "step";
    private const string ValuesKey = "values";

    private readonly JsonTypeInfo<TState> _stateType;
    private readonly Func<TState> _createState;
    private readonly WaterfallStep<TState>[] _steps;

    public WaterfallDialog(string id, JsonTypeInfo<TState> stateType, Func<TState> createState, IEnumerable<WaterfallStep<TState>> steps)
        : base(id)
    {
        ArgumentNullException.ThrowIfNull(stateType);
        ArgumentNullException.ThrowIfNull(createState);
        ArgumentNullException.ThrowIfNull(steps);
        _stateType = stateType;
        _createState = createState;
        _steps = steps.ToArray();
        if (_steps.Length == 0)
        {
            throw new ArgumentException("A waterfall needs at least one step.", nameof(steps));
        }
    }

    public override Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        var instance = dc.ActiveDialog!;
        instance.TypedState = options as TState ?? _createState();
        return RunStepAsync(dc, instance, 0, DialogResult.None, cancellationToken);
    }

    /// <summary>A step that waited without a prompt gets the next message's text as its result.</summary>
    public override Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var activity = dc.Context.Activity;
        if (activity.Type != ActivityTypes.Message)
        {
            return Task.FromResult(DialogTurnResult.Waiting);
        }

        var result = activity.Text is { } text ? DialogResult.From(text) : DialogResult.None;
        return ResumeDialogAsync(dc, DialogReason.ContinueCalled, result, cancellationToken);
    }

    public override Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, DialogResult result, CancellationToken cancellationToken)
    {
        var instance = dc.ActiveDialog!;
        var index = instance.State[StepKey]?.GetValue<int>() ?? 0;
        return RunStepAsync(dc, instance, index + 1, result, cancellationToken);
    }

    internal async Task<DialogTurnResult> RunStepAsync(DialogContext dc, DialogInstance instance, int index, DialogResult result, CancellationToken cancellationToken)
    {
        if (index >= _steps.Length)
        {
            return await dc.EndDialogAsync(result, cancellationToken);
        }

        instance.State[StepKey] = index;
        var step = new WaterfallStepContext<TState>(this, dc, instance, index, result, LoadState(instance));
        try
        {
            return await _steps[index](step, cancellationToken);
        }
        finally
        {
            // Written after every step, even one that threw, so the stack is never saved with stale values. The
            // instance's object, not this step's, because a step run by NextAsync inside this one may have replaced it.
            instance.State[ValuesKey] = JsonSerializer.SerializeToNode((TState)instance.TypedState!, _stateType);
        }
    }

    private TState LoadState(DialogInstance instance)
    {
        if (instance.TypedState is TState cached)
        {
            return cached;
        }

        var loaded = instance.State[ValuesKey]?.Deserialize(_stateType) ?? _createState();
        instance.TypedState = loaded;
        return loaded;
    }
}
