using System.Text.Json;
using BackCareBot.Protocol.Schema;

namespace BackCareBot.Dialogs.Messages;

/// <summary>
/// What is particular to a phone call (the telephony channel): keypad presses arrive as one-digit messages
/// tagged with a DTMF entity, and the bot hangs up by sending endOfConversation.
/// </summary>
public static class PhoneCall
{
    public const string CompletedSuccessfully = "completedSuccessfully";

    public static bool IsPhoneCall(Activity activity) =>
        string.Equals(activity.ChannelId, Channels.Telephony, StringComparison.OrdinalIgnoreCase);

    /// <summary>A digit key pressed on the phone, rather than a number spoken or typed.</summary>
    public static bool IsKeyPress(Activity activity)
    {
        if (activity.Text?.Trim() is not { Length: 1 } text || !char.IsAsciiDigit(text[0]))
        {
            return false;
        }

        return IsPhoneCall(activity) || activity.Entities?.Any(IsDtmfEntity) == true;
    }

    /// <summary>Ends the call once everything sent before it has been spoken.</summary>
    public static Activity HangUp() => new()
    {
        Type = ActivityTypes.EndOfConversation,
        Code = CompletedSuccessfully,
        InputHint = InputHints.IgnoringInput,
    };

    private static bool IsDtmfEntity(JsonElement entity) =>
        entity.ValueKind == JsonValueKind.Object
        && entity.TryGetProperty("type", out var type)
        && type.ValueKind == JsonValueKind.String
        && string.Equals(type.GetString(), "DTMF", StringComparison.OrdinalIgnoreCase);
}
