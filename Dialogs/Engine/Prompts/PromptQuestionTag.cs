using System.Runtime.CompilerServices;
using System.Text.Json;
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

    private static readonly ConditionalWeakTable<Activity, string> Keys = new();

    /// <summary>The catalog key of the question an outgoing activity asks, if a catalog prompt sent it.</summary>
    public static string? Of(Activity outgoing) => Keys.TryGetValue(outgoing, out var key) ? key : null;

    /// <summary>The question a message says it answers: a button press that carried its question's key.</summary>
    public static string? AnsweredBy(Activity incoming) =>
        incoming.Value is { ValueKind: JsonValueKind.Object } value
        && value.TryGetProperty(Field, out var key) && key.ValueKind == JsonValueKind.String
            ? key.GetString()
            : null;

    internal static void Set(Activity outgoing, string key) => Keys.AddOrUpdate(outgoing, key);
}
