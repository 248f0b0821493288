using System.Text.Json;
using BackCareBot.Adapter;
using BackCareBot.Protocol.Schema;
using Microsoft.Extensions.Options;

namespace BackCareBot.DirectLine;

/// <summary>
/// The channel side of the built-in Direct Line: it addresses what clients post the way Azure's Direct Line
/// does, echoes it into the transcript (Web Chat marks a send failed until it sees its own activity come
/// back with an id), and runs the same turn pipeline as /api/messages.
/// </summary>
internal sealed class DirectLineChannel(
    DirectLineConversationStore store,
    BotAdapter adapter,
    IOptions<DirectLineOptions> options,
    TimeProvider time)
{
    private const int MaxClientActivityIdLength = 128;

    private readonly DirectLineOptions _options = options.Value;

    /// <summary>
    /// Makes sure the conversation exists; the first call tells the bot the user joined so it welcomes them
    /// (once, however often the client starts). True when this call started it.
    /// </summary>
    public async Task<(DirectLineConversation Conversation, bool Started)> StartAsync(
        string conversationId, string userId, string? locale, string serviceUrl, CancellationToken cancellationToken)
    {
        var conversation = store.GetOrCreate(conversationId, userId);
        if (!conversation.TryStart())
        {
            return (conversation, false);
        }

        var user = User(userId);
        var update = new Activity
        {
            Type = ActivityTypes.ConversationUpdate,
            ChannelId = Channels.WebChat,
            ServiceUrl = serviceUrl,
            Conversation = new ConversationAccount { Id = conversationId },
            From = user,
            Recipient = Bot(),
            MembersAdded = [User(userId)],
            Locale = locale,
            Timestamp = time.GetUtcNow(),
        };
        await adapter.ProcessActivityAsync(update, new DirectLineActivitySender(store, conversation, time), cancellationToken);
        return (conversation, true);
    }

    /// <summary>
    /// Echoes a client's activity with its new id, then lets the bot answer it. A conversation dropped meanwhile is revived.
    /// Web Chat retries a post it saw fail with the same clientActivityID, but the first attempt may well have arrived
    /// (a timeout, a dropped response): while that first one is in the kept transcript, the retry gets its id and the
    /// turn does not run again, so one answer is never taken as two (a "yes" must not also answer the next question).
    /// </summary>
    public async Task<string> PostAsync(DirectLineConversation conversation, Activity activity, string serviceUrl, CancellationToken cancellationToken)
    {
        var retryKey = RetryKey(activity);
        // The sender is whoever the token was issued to, whatever the client wrote, so no one can speak as another user.
        activity.From = User(conversation.UserId, activity.From?.Name);
        activity.Recipient = Bot();
        activity.ChannelId = Channels.WebChat;
        activity.ServiceUrl = serviceUrl;
        activity.Conversation = new ConversationAccount { Id = conversation.Id };
        activity.Timestamp = time.GetUtcNow();
        activity.CallerId = null;
        activity.DeliveryMode = null;

        var appended = store.Append(conversation, activity, retryKey);
        if (!appended.Duplicate)
        {
            await adapter.ProcessActivityAsync(activity, new DirectLineActivitySender(store, conversation, time), cancellationToken);
        }

        return appended.Id;
    }

    // A retry repeats its clientActivityID and its text. A client that reuses an id for a new message must not have
    // that message (perhaps "I have chest pain") silently skipped, so the text is part of the key. Web Chat's ids
    // are short; a longer one is no retry key worth remembering (and would cost memory).
    private static string? RetryKey(Activity activity) =>
        activity.ChannelData is { ValueKind: JsonValueKind.Object } channelData
        && channelData.TryGetProperty("clientActivityID", out var id)
        && id.ValueKind == JsonValueKind.String
        && id.GetString() is { Length: > 0 and <= MaxClientActivityIdLength } value
            ? $"{value}/{StringComparer.Ordinal.GetHashCode(activity.Text ?? string.Empty):x8}"
            : null;

    private static ChannelAccount User(string id, string? name = null) => new() { Id = id, Name = name, Role = RoleTypes.User };

    private ChannelAccount Bot() => new() { Id = _options.BotId, Name = _options.BotName, Role = RoleTypes.Bot };
}
