using BackCareBot.Protocol.Builder;
using BackCareBot.Protocol.State;

namespace BackCareBot.Dialogs.Engine;

/// <summary>
/// Runs one root dialog for every turn: continues the stored stack, or starts the root dialog when nothing is
/// active. A stack naming a dialog this build lacks is cleared and the root dialog starts afresh; the result
/// then carries <see cref="DialogTurnResult.UnknownDialogId"/> so the bot can log the restart.
/// Build once and share (register as a singleton).
/// </summary>
public sealed class DialogRunner
{
    private readonly DialogSet _dialogs;
    private readonly string _rootDialogId;

    public DialogRunner(Dialog rootDialog, IStatePropertyAccessor<DialogState> dialogState)
    {
        ArgumentNullException.ThrowIfNull(rootDialog);
        _dialogs = new DialogSet(dialogState).Add(rootDialog);
        _rootDialogId = rootDialog.Id;
    }

    public async Task<DialogTurnResult> RunAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var dc = await _dialogs.CreateContextAsync(turnContext, cancellationToken);
        var result = await dc.ContinueDialogAsync(cancellationToken);
        switch (result.Status)
        {
            case DialogTurnStatus.Empty:
                return await dc.BeginDialogAsync(_rootDialogId, cancellationToken: cancellationToken);
            case DialogTurnStatus.UnknownDialog:
                dc.Clear();
                var restarted = await dc.BeginDialogAsync(_rootDialogId, cancellationToken: cancellationToken);
                return restarted with { UnknownDialogId = result.UnknownDialogId };
            default:
                return result;
        }
    }
}
