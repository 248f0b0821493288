using System.Text.Json;
using System.Text.Json.Nodes;
using BackCareBot.Protocol.Schema;

namespace BackCareBot.Dialogs.Cards;

/// <summary>
/// Builds Adaptive Cards from data as JSON nodes. Version 1.5, the newest Teams renders (Web Chat renders up
/// to 1.6), and only elements both know.
/// </summary>
public static class AdaptiveCardBuilder
{
    public const string Version = "1.5";

    public static JsonObject Card(string? speak, IEnumerable<JsonNode> body, IEnumerable<JsonNode>? actions = null)
    {
        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = Version,
        };
        if (speak is not null)
        {
            card["speak"] = speak;
        }

        card["body"] = new JsonArray([.. body]);
        if (actions is not null)
        {
            card["actions"] = new JsonArray([.. actions]);
        }

        return card;
    }

    public static JsonObject Heading(string text) => new()
    {
        ["type"] = "TextBlock",
        ["text"] = text,
        ["wrap"] = true,
        ["size"] = "Medium",
        ["weight"] = "Bolder",
        ["style"] = "heading",
    };

    public static JsonObject Paragraph(string text, bool subtle = false)
    {
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };
        if (subtle)
        {
            block["isSubtle"] = true;
            block["size"] = "Small";
        }

        return block;
    }

    /// <summary>Lines as a bulleted list; Adaptive Cards' markdown subset has lists.</summary>
    public static JsonObject Bullets(IEnumerable<string> lines) =>
        Paragraph(string.Join('\n', lines.Select(line => "- " + line)));

    public static JsonObject Facts(IEnumerable<(string Title, string Value)> facts) => new()
    {
        ["type"] = "FactSet",
        ["facts"] = new JsonArray([.. facts.Select(fact => (JsonNode)new JsonObject { ["title"] = fact.Title, ["value"] = fact.Value })]),
    };

    public static Attachment Attachment(JsonObject card) => new()
    {
        ContentType = ContentTypes.AdaptiveCard,
        Content = JsonSerializer.SerializeToElement(card, CardsJsonContext.Default.JsonObject),
    };
}

[System.Text.Json.Serialization.JsonSerializable(typeof(JsonObject))]
internal sealed partial class CardsJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
