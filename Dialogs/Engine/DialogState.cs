namespace BackCareBot.Dialogs.Engine;

/// <summary>The dialog stack of one conversation, kept in conversation state; the last entry is active.</summary>
public sealed class DialogState
{
    public List<DialogInstance> DialogStack { get; init; } = [];
}
