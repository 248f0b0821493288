using BackCareBot.Protocol.Schema;

namespace BackCareBot.Protocol.Builder;

/// <summary>
/// What a failed turn had already sent when it failed. An adapter does not deliver those replies (the turn's
/// state was not saved, so they may not match what the conversation remembers); it hands them to the error
/// handler's turn, which may send again any that do not depend on that state, such as the emergency advice.
/// </summary>
public static class FailedAttempt
{
    private const string TurnStateKey = "BackCareBot.FailedAttemptReplies";

    public static IReadOnlyList<Activity> RepliesOf(ITurnContext errorTurn)
    {
        ArgumentNullException.ThrowIfNull(errorTurn);
        return errorTurn.TurnState.TryGetValue(TurnStateKey, out var replies) ? (IReadOnlyList<Activity>)replies : [];
    }

    public static void Attach(ITurnContext errorTurn, IReadOnlyList<Activity> replies)
    {
        ArgumentNullException.ThrowIfNull(errorTurn);
        errorTurn.TurnState[TurnStateKey] = replies;
    }
}
