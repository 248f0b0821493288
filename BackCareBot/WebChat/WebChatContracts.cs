using System.Text.Json.Serialization;

namespace BackCareBot.WebChat;

/// <summary>A Direct Line token for the page, in Direct Line's own shape.</summary>
internal sealed record WebChatToken(
    string ConversationId,
    string Token,
    [property: JsonPropertyName("expires_in")] int ExpiresIn);

/// <summary>What the page and the embed script need to draw the chat; nothing secret.</summary>
internal sealed record WebChatClientSettings(
    string? DirectLineDomain,
    string BotName,
    string Avatar,
    string Locale,
    bool EnableSpeech,
    WebChatColours Colours);

internal sealed record TokenGenerateRequest(TokenUser User);

internal sealed record TokenUser(string Id);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(WebChatToken))]
[JsonSerializable(typeof(WebChatClientSettings))]
[JsonSerializable(typeof(TokenGenerateRequest))]
internal sealed partial class WebChatJsonContext : JsonSerializerContext;
