using BackCareBot.Protocol.Builder;

namespace BackCareBot.Dialogs.Triage;

/// <summary>
/// The triage's view of the current turn, worked out once before any dialog runs: what the message said
/// and what the conversation knows. Kept in the turn state, never stored.
/// </summary>
public sealed class TriageTurn(Observation observation, TriageFacts facts, TriageCommand command)
{
    private const string Key = nameof(TriageTurn);

    public Observation Observation { get; } = observation;

    public TriageFacts Facts { get; set; } = facts;

    public TriageCommand Command { get; } = command;

    public MergeResult Merged { get; set; } = new([], false);

    public static TriageTurn Of(ITurnContext turnContext) =>
        turnContext.TurnState.TryGetValue(Key, out var value) && value is TriageTurn turn
            ? turn
            : throw new InvalidOperationException("The triage turn has not been prepared; TriageBot prepares it before running dialogs.");

    public void AttachTo(ITurnContext turnContext) => turnContext.TurnState[Key] = this;
}
