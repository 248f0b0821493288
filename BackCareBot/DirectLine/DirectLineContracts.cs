using System.Text.Json.Serialization;

namespace BackCareBot.DirectLine;

/// <summary>Direct Line's Conversation object; expires_in is snake_case on the real service too.</summary>
internal sealed record ConversationResponse(
    string ConversationId,
    string Token,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    string? StreamUrl);

/// <summary>The optional body of POST /conversations and /tokens/generate. Only the locale is used: user ids are always issued here.</summary>
internal sealed record ConversationStartRequest(string? Locale);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ConversationResponse))]
[JsonSerializable(typeof(ConversationStartRequest))]
internal sealed partial class DirectLineJsonContext : JsonSerializerContext;
