using System.Text.Json;
using BackCareBot.Protocol.Builder;
using BackCareBot.Protocol.Schema;

namespace BackCareBot.Dialogs.Engine;

/// <summary>
/// Ties an answer button to the question it was shown with. A channel that keeps old buttons pressable (Teams
/// cards) sends the question's key back with the answer, so a press on an earlier question's card is not taken
/// as the answer to the question now waiting.
/// </summary>
public static class PromptQuestionTag
{
    /// <summary>The field of a button press's data, and of the message it becomes, that names the question.</summary>
    public const string Field = "question";

    // Kept in the turn's state, not on the activity, so the key never goes out on the wire to any channel.
    private const string TurnStateKey = "BackCareBot.PromptQuestionTags";

    /// <summary>The catalog key of the question an outgoing activity of this turn asks, if a catalog prompt sent it.</summary>
    public static string? Of(ITurnContext turnContext, Activity outgoing)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return turnContext.TurnState.TryGetValue(TurnStateKey, out var tags)
            && ((Dictionary<Activity, string>)tags).TryGetValue(outgoing, out var key)
                ? key
                : null;
    }

    /// <summary>The question a message says it answers: a button press that carried its question's key.</summary>
    public static string? AnsweredBy(Activity incoming) =>
        incoming.Value is { ValueKind: JsonValueKind.Object } value
        && value.TryGetProperty(Field, out var key) && key.ValueKind == JsonValueKind.String
            ? key.GetString()
            : null;

    internal static void Set(ITurnContext turnContext, Activity outgoing, string key)
    {
        if (!turnContext.TurnState.TryGetValue(TurnStateKey, out var tags))
        {
            tags = new Dictionary<Activity, string>(ReferenceEqualityComparer.Instance);
            turnContext.TurnState[TurnStateKey] = tags;
        }

        ((Dictionary<Activity, string>)tags)[outgoing] = key;
    }
}
