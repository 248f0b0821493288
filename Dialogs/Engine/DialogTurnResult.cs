namespace BackCareBot.Dialogs.Engine;

/// <summary>What the engine did with a turn, and the result when the stack completed.</summary>
/// <param name="UnknownDialogId">
/// Set when the stored stack named a dialog this build does not have: with status
/// <see cref="DialogTurnStatus.UnknownDialog"/> from a dialog context, or on the restarted turn from
/// <see cref="DialogRunner"/>. A dialog id is code, never personal data, so it may be logged.
/// </param>
public sealed record DialogTurnResult(DialogTurnStatus Status, DialogResult Result = default, string? UnknownDialogId = null)
{
    public static DialogTurnResult Waiting { get; } = new(DialogTurnStatus.Waiting);

    public static DialogTurnResult Empty { get; } = new(DialogTurnStatus.Empty);

    public static DialogTurnResult Cancelled { get; } = new(DialogTurnStatus.Cancelled);
}
