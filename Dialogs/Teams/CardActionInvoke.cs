using System.Text.Json;
using BackCareBot.Dialogs.Engine;
using BackCareBot.Protocol.Schema;

namespace BackCareBot.Dialogs.Teams;

/// <summary>
/// The invoke Teams sends when someone presses an Action.Execute button (Universal Actions) on one of the
/// bot's cards, and the synchronous answer it expects.
/// </summary>
public static class CardActionInvoke
{
    public const string Name = "adaptiveCard/action";

    /// <summary>The verb of the bot's answer buttons; their data carries the answer as the person would type it.</summary>
    public const string AnswerVerb = "answer";

    public const string AnswerField = "answer";

    private const string MessageResponseType = "application/vnd.microsoft.activity.message";

    /// <summary>Reads the answer a button press carries; false for any other invoke or a malformed one.</summary>
    public static bool TryReadAnswer(Activity activity, out string answer)
    {
        ArgumentNullException.ThrowIfNull(activity);
        answer = AnswerData(activity) is { } data && StringField(data, AnswerField) is { } text && !string.IsNullOrWhiteSpace(text)
            ? text
            : string.Empty;
        return answer.Length > 0;
    }

    /// <summary>
    /// The data of an answer button's press ({answer} and, when the card carried it, the question's key under
    /// <see cref="PromptQuestionTag.Field"/>), or null for any other invoke or a malformed one.
    /// </summary>
    public static JsonElement? AnswerData(Activity activity) =>
        activity.Type == ActivityTypes.Invoke
        && activity.Name == Name
        && activity.Value is { ValueKind: JsonValueKind.Object } value
        && value.TryGetProperty("action", out var action)
        && action.ValueKind == JsonValueKind.Object
        && StringField(action, "verb") == AnswerVerb
        && action.TryGetProperty("data", out var data)
        && data.ValueKind == JsonValueKind.Object
            ? data
            : null;

    private static string? StringField(JsonElement element, string name) =>
        element.TryGetProperty(name, out var field) && field.ValueKind == JsonValueKind.String ? field.GetString() : null;

    /// <summary>
    /// The 200 answer for a handled button press: a short message Teams shows on the card, while the bot's
    /// actual replies arrive in the conversation as usual.
    /// </summary>
    public static InvokeResponse Handled(string message)
    {
        var body = new CardActionResponse(200, MessageResponseType, message);
        return new InvokeResponse(200, JsonSerializer.SerializeToElement(body, TeamsJsonContext.Default.CardActionResponse));
    }
}

/// <summary>The body of an adaptiveCard/action response.</summary>
internal sealed record CardActionResponse(int StatusCode, string Type, string Value);
