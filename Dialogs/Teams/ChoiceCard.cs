using System.Text.Json;
using System.Text.Json.Nodes;
using BackCareBot.Dialogs.Cards;
using BackCareBot.Dialogs.Engine;
using BackCareBot.Protocol.Schema;

namespace BackCareBot.Dialogs.Teams;

/// <summary>
/// A question with answer buttons as an Adaptive Card (the version of <see cref="AdaptiveCardBuilder"/>). Teams shows
/// suggested actions only partly in personal chats, so in Teams the choices travel as Action.Execute
/// buttons whose press comes back as an adaptiveCard/action invoke carrying the answer.
/// </summary>
public static class ChoiceCard
{
    /// <param name="questionKey">Sent back with every press, so an old card's button cannot answer a newer question.</param>
    public static Attachment Build(string? question, IEnumerable<CardAction> choices, string? questionKey = null)
    {
        ArgumentNullException.ThrowIfNull(choices);
        var actions = new List<JsonNode>();
        foreach (var choice in choices)
        {
            if (AnswerOf(choice) is not { } answer)
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

        JsonNode[] body = string.IsNullOrWhiteSpace(question) ? [] : [AdaptiveCardBuilder.Paragraph(question)];
        return AdaptiveCardBuilder.Attachment(AdaptiveCardBuilder.Card(speak: null, body, actions));
    }

    // An imBack's value is the text the button would have typed; the title is the fallback.
    private static string? AnswerOf(CardAction choice) =>
        choice.Value is { ValueKind: JsonValueKind.String } value && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()
            : string.IsNullOrWhiteSpace(choice.Title) ? null : choice.Title;
}
