using System.Text.Json;
using System.Text.Json.Nodes;
using BackCareBot.Protocol.Schema;

namespace BackCareBot.Dialogs.Teams;

/// <summary>
/// A question with answer buttons as an Adaptive Card (schema 1.5, the highest Teams renders). Teams shows
/// suggested actions only partly in personal chats, so in Teams the choices travel as Action.Execute
/// buttons whose press comes back as an adaptiveCard/action invoke carrying the answer.
/// </summary>
public static class ChoiceCard
{
    public const string Version = "1.5";

    public static Attachment Build(string? question, IEnumerable<CardAction> choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        var body = new JsonArray();
        if (!string.IsNullOrWhiteSpace(question))
        {
            body.Add(new JsonObject
            {
                ["type"] = "TextBlock",
                ["text"] = question,
                ["wrap"] = true,
            });
        }

        var actions = new JsonArray();
        foreach (var choice in choices)
        {
            var answer = AnswerOf(choice);
            if (answer is null)
            {
                continue;
            }

            actions.Add(new JsonObject
            {
                ["type"] = "Action.Execute",
                ["title"] = choice.Title ?? answer,
                ["verb"] = CardActionInvoke.AnswerVerb,
                ["data"] = new JsonObject { [CardActionInvoke.AnswerField] = answer },
            });
        }

        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = Version,
            ["body"] = body,
            ["actions"] = actions,
        };

        using var document = JsonDocument.Parse(card.ToJsonString());
        return new Attachment { ContentType = ContentTypes.AdaptiveCard, Content = document.RootElement.Clone() };
    }

    // An imBack's value is the text the button would have typed; the title is the fallback.
    private static string? AnswerOf(CardAction choice) =>
        choice.Value is { ValueKind: JsonValueKind.String } value && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()
            : string.IsNullOrWhiteSpace(choice.Title) ? null : choice.Title;
}
