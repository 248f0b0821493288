namespace BackCareBot.Dialogs.Engine;

/// <summary>Where the dialog stack stands after the engine handled a turn.</summary>
public enum DialogTurnStatus
{
    /// <summary>No dialog was active.</summary>
    Empty,

    /// <summary>A dialog is waiting for the person's next message.</summary>
    Waiting,

    /// <summary>The last dialog on the stack ended; the result is in <see cref="DialogTurnResult.Result"/>.</summary>
    Complete,

    /// <summary>The whole stack was cancelled.</summary>
    Cancelled,

    /// <summary>
    /// The stored stack names a dialog this build does not have (renamed or retired by a deploy); the bot
    /// should clear the stack and start again rather than fail the turn.
    /// </summary>
    UnknownDialog,
}
