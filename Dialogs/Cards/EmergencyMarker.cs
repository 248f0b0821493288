using System.Text.Json;
using System.Text.Json.Nodes;
using BackCareBot.Protocol.Schema;

namespace BackCareBot.Dialogs.Cards;

/// <summary>
/// Marks the emergency advice in channelData, so a web page can show a "call emergency services" button
/// (trace activities, which carry the outcome, never reach web chat).
/// </summary>
public static class EmergencyMarker
{
    public const string Key = "backcarebot";

    public static JsonElement ChannelData(string? emergencyNumber)
    {
        var marker = new JsonObject { ["outcome"] = "emergency" };
        if (emergencyNumber is not null)
        {
            marker["emergencyNumber"] = emergencyNumber;
        }

        return JsonSerializer.SerializeToElement(new JsonObject { [Key] = marker }, CardsJsonContext.Default.JsonObject);
    }

    /// <summary>Whether an outgoing activity is the emergency advice.</summary>
    public static bool IsOn(Activity activity) =>
        activity.ChannelData is { ValueKind: JsonValueKind.Object } data
        && data.TryGetProperty(Key, out var marker) && marker.ValueKind == JsonValueKind.Object
        && marker.TryGetProperty("outcome", out var outcome) && outcome.ValueKind == JsonValueKind.String
        && outcome.GetString() == "emergency";
}
