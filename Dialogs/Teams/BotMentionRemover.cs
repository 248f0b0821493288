using System.Text.Json;
using BackCareBot.Protocol.Schema;

namespace BackCareBot.Dialogs.Teams;

/// <summary>
/// Removes the bot's own @mention from a message's text. Which words are the mention is read from the
/// mention entities, never guessed from the text, and only mentions of this bot (the activity's recipient)
/// are removed, so "ask <at>Sam</at>" keeps Sam.
/// </summary>
public static class BotMentionRemover
{
    public static string? Remove(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var text = activity.Text;
        var botId = activity.Recipient?.Id;
        if (string.IsNullOrEmpty(text) || string.IsNullOrEmpty(botId) || activity.Entities is not { Count: > 0 } entities)
        {
            return text;
        }

        foreach (var entity in entities)
        {
            if (MentionTextOf(entity, botId) is { Length: > 0 } mention)
            {
                text = text.Replace(mention, string.Empty, StringComparison.OrdinalIgnoreCase);
            }
        }

        return text.Trim();
    }

    private static string? MentionTextOf(JsonElement entity, string botId)
    {
        if (entity.ValueKind != JsonValueKind.Object
            || !entity.TryGetProperty("type", out var type)
            || type.ValueKind != JsonValueKind.String
            || !string.Equals(type.GetString(), "mention", StringComparison.OrdinalIgnoreCase)
            || !entity.TryGetProperty("mentioned", out var mentioned)
            || mentioned.ValueKind != JsonValueKind.Object
            || !mentioned.TryGetProperty("id", out var id)
            || id.ValueKind != JsonValueKind.String
            || id.GetString() != botId)
        {
            return null;
        }

        if (entity.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String)
        {
            return text.GetString();
        }

        // Without the entity's own text, Teams' rendering of a mention is the name in <at> tags.
        return mentioned.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String
            ? $"<at>{name.GetString()}</at>"
            : null;
    }
}
