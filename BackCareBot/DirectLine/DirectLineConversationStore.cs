using System.Collections.Concurrent;
using System.Security.Cryptography;
using BackCareBot.Protocol.Schema;
using Microsoft.Extensions.Options;

namespace BackCareBot.DirectLine;

/// <summary>
/// The built-in Direct Line's conversations, in memory and bounded three ways: a conversation idle for a
/// token's lifetime is dropped (no client can still read it without a new conversation), at most
/// MaxConversations are kept, and all transcripts together stay under MaxTranscriptBytes, the least
/// recently used conversations going first.
/// </summary>
internal sealed class DirectLineConversationStore(IOptions<DirectLineOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, DirectLineConversation> _conversations = new(StringComparer.Ordinal);
    private readonly DirectLineOptions _options = options.Value;
    private long _bytes;

    public int Count => _conversations.Count;

    public long Bytes => Interlocked.Read(ref _bytes);

    public static string NewConversationId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>A fresh user id; the "dl_" prefix tells Web Chat it came inside a token and cannot be forged.</summary>
    public static string NewUserId() => "dl_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));

    public DirectLineConversation GetOrCreate(string conversationId, string userId)
    {
        var now = time.GetUtcNow();
        var conversation = _conversations.GetOrAdd(
            conversationId,
            static (id, state) => new DirectLineConversation(id, state.userId, state.max, state.now),
            (userId, max: _options.MaxActivitiesPerConversation, now));
        conversation.Touch(now);
        while (_conversations.Count > _options.MaxConversations && EvictLeastRecentlyUsed(except: conversation))
        {
        }

        return conversation;
    }

    /// <summary>The conversation, marked as used now; null when it never existed or was dropped.</summary>
    public DirectLineConversation? Find(string? conversationId)
    {
        if (conversationId is null || !_conversations.TryGetValue(conversationId, out var conversation))
        {
            return null;
        }

        conversation.Touch(time.GetUtcNow());
        return conversation;
    }

    /// <summary>Appends to a conversation's transcript; null when the conversation was dropped meanwhile.</summary>
    public AppendResult? Append(DirectLineConversation conversation, Activity activity, string? retryKey = null)
    {
        if (conversation.Append(activity, streamOnly: activity.Type == ActivityTypes.Typing, retryKey) is not { } result)
        {
            return null;
        }

        Interlocked.Add(ref _bytes, result.BytesDelta);
        while (Bytes > _options.MaxTranscriptBytes && EvictLeastRecentlyUsed(except: conversation))
        {
        }

        return result;
    }

    /// <summary>Drops conversations nobody has used for a token's lifetime; returns how many.</summary>
    public int RemoveIdle()
    {
        var cutoff = time.GetUtcNow() - _options.TokenLifetime;
        var removed = 0;
        foreach (var conversation in _conversations.Values.Where(c => c.LastUsed < cutoff).ToList())
        {
            removed += Remove(conversation) ? 1 : 0;
        }

        return removed;
    }

    private bool EvictLeastRecentlyUsed(DirectLineConversation except)
    {
        var oldest = _conversations.Values.Where(c => !ReferenceEquals(c, except)).MinBy(c => c.LastUsed);
        return oldest is not null && Remove(oldest);
    }

    private bool Remove(DirectLineConversation conversation)
    {
        if (!_conversations.TryRemove(new KeyValuePair<string, DirectLineConversation>(conversation.Id, conversation)))
        {
            return false;
        }

        conversation.Close();
        Interlocked.Add(ref _bytes, -conversation.Bytes);
        return true;
    }
}
