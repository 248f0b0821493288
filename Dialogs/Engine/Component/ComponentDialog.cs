using BackCareBot.Protocol.Builder;

namespace BackCareBot.Dialogs.Engine;

/// <summary>
/// A dialog made of other dialogs, run on an inner stack stored inside its own stack entry. It ends, handing
/// its inner result to its parent, when the inner stack completes.
/// </summary>
/// <remarks>
/// Interruptions belong in <see cref="OnContinueDialogAsync"/>: it sees every message before the active inner
/// dialog (a waterfall step or a prompt, including a prompt's retries) and may answer it, cancel everything with
/// <see cref="DialogContext.CancelAllDialogsAsync"/>, or pass it on with <c>base.OnContinueDialogAsync</c>.
/// <see cref="OnBeginDialogAsync"/> does the same for the message that starts the component.
/// </remarks>
public abstract class ComponentDialog : Dialog
{
    private readonly DialogSet _dialogs = new();

    protected ComponentDialog(string id)
        : base(id)
    {
    }

    /// <summary>The inner dialog started when this component begins; by default the first one added.</summary>
    protected string? InitialDialogId { get; set; }

    public sealed override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        var innerDc = CreateInnerContext(dc);
        var result = await OnBeginDialogAsync(innerDc, options, cancellationToken);
        return await EndWhenInnerCompleteAsync(dc, result, cancellationToken);
    }

    public sealed override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var innerDc = CreateInnerContext(dc);
        var result = await OnContinueDialogAsync(innerDc, cancellationToken);
        return await EndWhenInnerCompleteAsync(dc, result, cancellationToken);
    }

    /// <summary>A dialog this component started on the outer stack has ended: ask the inner question again and wait.</summary>
    public override async Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, DialogResult result, CancellationToken cancellationToken)
    {
        await RepromptDialogAsync(dc.Context, dc.ActiveDialog!, cancellationToken);
        return DialogTurnResult.Waiting;
    }

    public override Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken)
    {
        var innerDc = new DialogContext(_dialogs, turnContext, instance.Stack ??= [], parent: null);
        return innerDc.RepromptDialogAsync(cancellationToken);
    }

    public override async Task EndDialogAsync(ITurnContext turnContext, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken)
    {
        if (reason == DialogReason.CancelCalled && instance.Stack is { Count: > 0 } stack)
        {
            var innerDc = new DialogContext(_dialogs, turnContext, stack, parent: null);
            await innerDc.CancelAllDialogsAsync(cancellationToken);
        }
    }

    /// <summary>Adds an inner dialog; the first one added is the initial dialog unless <see cref="InitialDialogId"/> says otherwise.</summary>
    protected ComponentDialog AddDialog(Dialog dialog)
    {
        _dialogs.Add(dialog);
        InitialDialogId ??= dialog.Id;
        return this;
    }

    /// <summary>Starts the initial inner dialog. Override to look at the first message before it does.</summary>
    protected virtual Task<DialogTurnResult> OnBeginDialogAsync(DialogContext innerDc, object? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(innerDc);
        var initial = InitialDialogId ?? throw new InvalidOperationException($"Component dialog '{Id}' has no inner dialogs.");
        return innerDc.BeginDialogAsync(initial, options, cancellationToken);
    }

    /// <summary>The interruption hook: sees every later message before the active inner dialog does.</summary>
    protected virtual Task<DialogTurnResult> OnContinueDialogAsync(DialogContext innerDc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(innerDc);
        return innerDc.ContinueDialogAsync(cancellationToken);
    }

    private DialogContext CreateInnerContext(DialogContext outerDc)
    {
        var instance = outerDc.ActiveDialog!;
        return new DialogContext(_dialogs, outerDc.Context, instance.Stack ??= [], outerDc);
    }

    private static Task<DialogTurnResult> EndWhenInnerCompleteAsync(DialogContext outerDc, DialogTurnResult inner, CancellationToken cancellationToken) =>
        inner.Status switch
        {
            DialogTurnStatus.Complete => outerDc.EndDialogAsync(inner.Result, cancellationToken),

            // An empty inner stack means nothing is left to wait for; end rather than trap the person.
            DialogTurnStatus.Empty => outerDc.EndDialogAsync(DialogResult.None, cancellationToken),
            _ => Task.FromResult(inner),
        };
}
