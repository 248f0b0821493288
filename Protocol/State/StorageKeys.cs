namespace BackCareBot.Protocol.State;

/// <summary>The storage keys of conversation and user state, in the Bot Framework SDK's shape.</summary>
public static class StorageKeys
{
    public static string? Conversation(string? channelId, string? conversationId) =>
        string.IsNullOrEmpty(channelId) || string.IsNullOrEmpty(conversationId) ? null : $"{channelId}/conversations/{conversationId}";

    public static string? User(string? channelId, string? userId) =>
        string.IsNullOrEmpty(channelId) || string.IsNullOrEmpty(userId) ? null : $"{channelId}/users/{userId}";
}
