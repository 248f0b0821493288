using BackCareBot.Protocol.Builder;

namespace BackCareBot.Dialogs.Engine;

/// <summary>
/// A unit of conversation with a stable string id. Dialog objects are shared by every conversation, so they
/// hold no per-conversation data: everything a dialog remembers lives in its <see cref="DialogInstance"/>.
/// </summary>
public abstract class Dialog
{
    protected Dialog(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        Id = id;
    }

    /// <summary>Stored in conversation state, so renaming it strands conversations in progress.</summary>
    public string Id { get; }

    /// <summary>Called when the dialog is pushed onto the stack.</summary>
    public abstract Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options, CancellationToken cancellationToken);

    /// <summary>Called for each new activity while this dialog is active. By default the dialog ends.</summary>
    public virtual Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken) =>
        dc.EndDialogAsync(DialogResult.None, cancellationToken);

    /// <summary>Called when a child this dialog started has ended. By default the result passes on to the parent.</summary>
    public virtual Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, DialogResult result, CancellationToken cancellationToken) =>
        dc.EndDialogAsync(result, cancellationToken);

    /// <summary>Called when the dialog should ask its question again, e.g. after an interruption.</summary>
    public virtual Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    /// <summary>Called as the dialog leaves the stack, whether it ended, was replaced or was cancelled.</summary>
    public virtual Task EndDialogAsync(ITurnContext turnContext, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken) =>
        Task.CompletedTask;
}
