using System.Text.Json.Serialization;
using BackCareBot.Protocol.Schema;

namespace BackCareBot.FollowUps;

/// <summary>
/// One pending check-in: where to send it and when. Only ids and the service address are kept — no names,
/// no symptoms, no message text.
/// </summary>
public sealed record FollowUpRecord(ConversationReference Conversation, DateTimeOffset DueAt, int Attempts = 0)
{
    /// <summary>Keeps only what sending needs from a conversation reference.</summary>
    public static ConversationReference Minimal(ConversationReference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return new ConversationReference
        {
            ChannelId = reference.ChannelId,
            ServiceUrl = reference.ServiceUrl,
            Locale = reference.Locale,
            Conversation = reference.Conversation is { } conversation
                ? new ConversationAccount
                {
                    Id = conversation.Id,
                    ConversationType = conversation.ConversationType,
                    TenantId = conversation.TenantId,
                }
                : null,
            Bot = reference.Bot is { } bot ? new ChannelAccount { Id = bot.Id, Role = RoleTypes.Bot } : null,
            User = reference.User is { } user ? new ChannelAccount { Id = user.Id, Role = RoleTypes.User } : null,
        };
    }
}

/// <summary>The list of pending check-ins, so the host can find due ones without scanning the store.</summary>
public sealed record FollowUpIndex(IReadOnlyList<FollowUpIndexEntry> Entries);

/// <summary>One pending check-in in the index.</summary>
public sealed record FollowUpIndexEntry(string Key, DateTimeOffset DueAt);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(FollowUpRecord))]
[JsonSerializable(typeof(FollowUpIndex))]
internal sealed partial class FollowUpJsonContext : JsonSerializerContext;
