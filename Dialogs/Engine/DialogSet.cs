using BackCareBot.Protocol.Builder;
using BackCareBot.Protocol.State;

namespace BackCareBot.Dialogs.Engine;

/// <summary>The dialogs that can run on one stack, found by id.</summary>
public sealed class DialogSet
{
    private readonly Dictionary<string, Dialog> _dialogs = new(StringComparer.Ordinal);
    private readonly IStatePropertyAccessor<DialogState>? _state;

    /// <summary>A root set whose stack is kept in <paramref name="dialogState"/>.</summary>
    public DialogSet(IStatePropertyAccessor<DialogState> dialogState)
    {
        _state = dialogState;
    }

    /// <summary>An inner set (of a component dialog) whose stack is stored inside its parent's stack.</summary>
    internal DialogSet()
    {
    }

    public DialogSet Add(Dialog dialog)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        if (!_dialogs.TryAdd(dialog.Id, dialog))
        {
            throw new ArgumentException($"A dialog with id '{dialog.Id}' is already in this set.", nameof(dialog));
        }

        return this;
    }

    public Dialog? Find(string dialogId) => _dialogs.GetValueOrDefault(dialogId);

    /// <summary>Loads this conversation's stack (read once per turn; saved with conversation state at the end).</summary>
    public async Task<DialogContext> CreateContextAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        if (_state is null)
        {
            throw new InvalidOperationException("An inner dialog set has no state of its own; its component dialog creates its context.");
        }

        var state = await _state.GetAsync(turnContext, () => new DialogState(), cancellationToken);
        return new DialogContext(this, turnContext, state.DialogStack, parent: null);
    }
}
