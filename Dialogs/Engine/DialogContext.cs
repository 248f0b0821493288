using BackCareBot.Protocol.Builder;

namespace BackCareBot.Dialogs.Engine;

/// <summary>
/// One dialog stack during one turn, with the operations that change it. A component dialog's inner stack
/// gets its own context whose <see cref="Parent"/> is the context the component runs in.
/// </summary>
public sealed class DialogContext
{
    private readonly List<DialogInstance> _stack;

    internal DialogContext(DialogSet dialogs, ITurnContext turnContext, List<DialogInstance> stack, DialogContext? parent)
    {
        Dialogs = dialogs;
        Context = turnContext;
        _stack = stack;
        Parent = parent;
    }

    public DialogSet Dialogs { get; }

    public ITurnContext Context { get; }

    public DialogContext? Parent { get; }

    /// <summary>The stack, bottom first; the last entry is the active dialog.</summary>
    public IReadOnlyList<DialogInstance> Stack => _stack;

    public DialogInstance? ActiveDialog => _stack.Count == 0 ? null : _stack[^1];

    /// <summary>Finds a dialog in this set, then in the sets of the enclosing component dialogs.</summary>
    public Dialog? FindDialog(string dialogId) => Dialogs.Find(dialogId) ?? Parent?.FindDialog(dialogId);

    /// <summary>Pushes a dialog and starts it. The id must be known: starting a missing dialog is a programming error.</summary>
    public Task<DialogTurnResult> BeginDialogAsync(string dialogId, object? options = null, CancellationToken cancellationToken = default)
    {
        var dialog = FindDialog(dialogId)
            ?? throw new InvalidOperationException($"No dialog with id '{dialogId}' is registered in this dialog set or its parents.");
        _stack.Add(new DialogInstance { Id = dialogId });
        return dialog.BeginDialogAsync(this, options, cancellationToken);
    }

    /// <summary>Starts a prompt with the question and retry question the caller built.</summary>
    public Task<DialogTurnResult> PromptAsync(string dialogId, PromptOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        return BeginDialogAsync(dialogId, options, cancellationToken);
    }

    /// <summary>Hands the turn's activity to the active dialog.</summary>
    public Task<DialogTurnResult> ContinueDialogAsync(CancellationToken cancellationToken = default)
    {
        if (ActiveDialog is not { } active)
        {
            return Task.FromResult(DialogTurnResult.Empty);
        }

        return FindDialog(active.Id) is { } dialog
            ? dialog.ContinueDialogAsync(this, cancellationToken)
            : Task.FromResult(Unknown(active.Id));
    }

    /// <summary>Ends the active dialog and resumes the one below it with <paramref name="result"/>.</summary>
    public async Task<DialogTurnResult> EndDialogAsync(DialogResult result = default, CancellationToken cancellationToken = default)
    {
        await PopAsync(DialogReason.EndCalled, cancellationToken);
        if (ActiveDialog is not { } parent)
        {
            return new DialogTurnResult(DialogTurnStatus.Complete, result);
        }

        return FindDialog(parent.Id) is { } dialog
            ? await dialog.ResumeDialogAsync(this, DialogReason.EndCalled, result, cancellationToken)
            : Unknown(parent.Id);
    }

    /// <summary>Ends the active dialog and starts another in its place; the dialog below is not resumed.</summary>
    public async Task<DialogTurnResult> ReplaceDialogAsync(string dialogId, object? options = null, CancellationToken cancellationToken = default)
    {
        await PopAsync(DialogReason.ReplaceCalled, cancellationToken);
        return await BeginDialogAsync(dialogId, options, cancellationToken);
    }

    /// <summary>
    /// Cancels every dialog on this stack and on the stacks of all enclosing contexts, so an interruption
    /// deep inside a component dialog ends the whole conversation flow.
    /// </summary>
    public async Task<DialogTurnResult> CancelAllDialogsAsync(CancellationToken cancellationToken = default)
    {
        while (_stack.Count > 0)
        {
            await PopAsync(DialogReason.CancelCalled, cancellationToken);
        }

        if (Parent is not null)
        {
            await Parent.CancelAllDialogsAsync(cancellationToken);
        }

        return DialogTurnResult.Cancelled;
    }

    /// <summary>Asks the active dialog to repeat its question.</summary>
    public Task RepromptDialogAsync(CancellationToken cancellationToken = default) =>
        ActiveDialog is { } active && FindDialog(active.Id) is { } dialog
            ? dialog.RepromptDialogAsync(Context, active, cancellationToken)
            : Task.CompletedTask;

    /// <summary>Forgets the stack without running any dialog's end logic: the way out of a stack that names unknown dialogs.</summary>
    public void Clear() => _stack.Clear();

    private async Task PopAsync(DialogReason reason, CancellationToken cancellationToken)
    {
        if (ActiveDialog is not { } active)
        {
            return;
        }

        // A dialog unknown to this build is dropped silently: there is no code left to tidy it up.
        if (FindDialog(active.Id) is { } dialog)
        {
            await dialog.EndDialogAsync(Context, active, reason, cancellationToken);
        }

        _stack.RemoveAt(_stack.Count - 1);
    }

    private static DialogTurnResult Unknown(string dialogId) => new(DialogTurnStatus.UnknownDialog, UnknownDialogId: dialogId);
}
