using System.Text.Json;
using System.Text.Json.Nodes;
using BackCareBot.Dialogs.Engine;
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

    /// <param name="questionKey">Sent back with every press, so an old card's button cannot answer a newer question.</param>
    public static Attachment Build(string? question, IEnumerable<CardAction> choices, string? questionKey = null)
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

            var data = new JsonObject { [CardActionInvoke.AnswerField] = answer };
            if (questionKey is not null)
            {
                data[PromptQuestionTag.Field] = questionKey;
            }

            actions.Add(new JsonObject
            {
                ["type"] = "Action.Execute",
                ["title"] = choice.Title ?? answer,
                ["verb"] = CardActionInvoke.AnswerVerb,
                ["data"] = data,
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
