using System.Collections.Concurrent;
using System.Security.Cryptography;
using BackCareBot.Protocol.Schema;
using Microsoft.Extensions.Options;

namespace BackCareBot.DirectLine;

/// <summary>
/// The built-in Direct Line's conversations, in memory and bounded three ways: a conversation idle for a
/// token's lifetime is dropped, at most MaxConversations transcripts are kept, and all of them together stay
/// under MaxTranscriptBytes, the least recently used going first.
/// <para>
/// Those limits protect memory; they must never cost a person mid-triage the ability to send "I have chest pain".
/// So dropping a conversation frees its transcript but leaves a tombstone (its user and last sequence number), and
/// the conversation's next request revives it: an empty transcript numbered on from there, already started, so the
/// client's watermark keeps working and no second welcome is sent. The bot's own progress is in the state store,
/// keyed by conversation id, so the triage carries on where it was.
/// </para>
/// </summary>
internal sealed class DirectLineConversationStore(IOptions<DirectLineOptions> options, TimeProvider time)
{
    // A tombstone is a few hundred bytes where a transcript is kilobytes, so ten per kept conversation cost little and
    // cover the store turning over ten times within a token's lifetime. One pushed out is no harm: its conversation is
    // still revived from the token, numbered from the clock instead (see Open).
    private const int TombstonesPerConversation = 10;

    private readonly ConcurrentDictionary<string, DirectLineConversation> _conversations = new(StringComparer.Ordinal);
    private readonly DirectLineOptions _options = options.Value;
    private readonly long _maxTombstones = (long)TombstonesPerConversation * options.Value.MaxConversations;

    // Every insertion into and removal from _conversations, and every tombstone change, happens under this lock: a
    // conversation is then either live or tombstoned, never both, and two requests reviving it get the same object.
    // Finding a live conversation, the common case, takes no lock.
    private readonly Lock _gate = new();
    private readonly Dictionary<string, LinkedListNode<Tombstone>> _tombstones = new(StringComparer.Ordinal);
    private readonly LinkedList<Tombstone> _tombstonesOldestFirst = new();
    private long _bytes;

    public int Count => _conversations.Count;

    public long Bytes => Interlocked.Read(ref _bytes);

    /// <summary>Evicted conversations whose numbering a revival can still continue.</summary>
    public int TombstoneCount
    {
        get
        {
            lock (_gate)
            {
                return _tombstones.Count;
            }
        }
    }

    public static string NewConversationId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>A fresh user id; the "dl_" prefix tells Web Chat it came inside a token and cannot be forged.</summary>
    public static string NewUserId() => "dl_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));

    /// <summary>For a client starting the conversation: it, revived if it was dropped, or a new one not yet started.</summary>
    public DirectLineConversation GetOrCreate(string conversationId, string userId) =>
        Find(conversationId) ?? Add(conversationId, userId, resume: false);

    /// <summary>
    /// For a request carrying a valid token for the conversation: it, revived if it was dropped. A token this host signed
    /// for a conversation it has no trace of is honoured as well. That is a host restarted with the same signing key
    /// (the store is in memory, the triage progress is not) or a tombstone already pushed out: either way a person may
    /// be mid-triage, and refusing them would leave their next message unanswered.
    /// </summary>
    public DirectLineConversation Open(string conversationId, string userId) =>
        Find(conversationId) ?? Add(conversationId, userId, resume: true);

    /// <summary>The live conversation, marked as used now; null when it is not in memory.</summary>
    public DirectLineConversation? Find(string? conversationId)
    {
        if (conversationId is null || !_conversations.TryGetValue(conversationId, out var conversation))
        {
            return null;
        }

        conversation.Touch(time.GetUtcNow());
        return conversation;
    }

    /// <summary>
    /// Appends to a conversation's transcript. A conversation dropped since the caller got it is revived and the activity
    /// goes there: a reply written while its conversation was evicted (the emergency advice, perhaps) is still delivered.
    /// </summary>
    public AppendResult Append(DirectLineConversation conversation, Activity activity, string? retryKey = null)
    {
        var streamOnly = activity.Type == ActivityTypes.Typing;
        AppendResult? appended;
        while ((appended = conversation.Append(activity, streamOnly, retryKey)) is null)
        {
            conversation = Open(conversation.Id, conversation.UserId);
        }

        var result = appended.Value;
        Interlocked.Add(ref _bytes, result.BytesDelta);
        while (Bytes > _options.MaxTranscriptBytes && EvictLeastRecentlyUsed(except: conversation))
        {
        }

        return result;
    }

    /// <summary>Opens the stream of a conversation for a new socket, on the revived conversation if it was dropped meanwhile.</summary>
    public (DirectLineConversation Conversation, StreamSubscription Subscription) Subscribe(string conversationId, string userId, long watermark)
    {
        while (true)
        {
            var conversation = Open(conversationId, userId);
            if (conversation.Subscribe(watermark) is { } subscription)
            {
                return (conversation, subscription);
            }
        }
    }

    /// <summary>
    /// Drops conversations and tombstones nobody has used for a token's lifetime; returns how many conversations. Every
    /// token issued for them has expired by then; should one still come (refreshed while its conversation was evicted),
    /// Open revives the conversation all the same.
    /// </summary>
    public int RemoveIdle()
    {
        var cutoff = time.GetUtcNow() - _options.TokenLifetime;
        var removed = 0;
        lock (_gate)
        {
            foreach (var conversation in _conversations.Values.Where(c => c.LastUsed < cutoff).ToList())
            {
                removed += Remove(conversation, leaveTombstone: false) ? 1 : 0;
            }

            for (var node = _tombstonesOldestFirst.First; node is not null;)
            {
                var next = node.Next;
                if (node.Value.LastUsed < cutoff)
                {
                    RemoveTombstone(node);
                }

                node = next;
            }
        }

        return removed;
    }

    // resume: the client already has this conversation (it holds a token for it), as opposed to starting it now.
    private DirectLineConversation Add(string conversationId, string userId, bool resume)
    {
        var now = time.GetUtcNow();
        DirectLineConversation conversation;
        lock (_gate)
        {
            if (_conversations.TryGetValue(conversationId, out var live))
            {
                live.Touch(now);
                return live;
            }

            if (_tombstones.TryGetValue(conversationId, out var node))
            {
                RemoveTombstone(node);
                conversation = New(conversationId, node.Value.UserId, now, node.Value.LastSequence, started: true);
            }
            else if (resume)
            {
                // What this conversation numbered up to is unknown, and Web Chat drops an activity whose id it has seen.
                // Milliseconds since 1970 are above any number an earlier run gave out: one that started from 0 is far
                // below, and one that started from the clock would have needed more than one activity a millisecond
                // since to catch up.
                conversation = New(conversationId, userId, now, now.ToUnixTimeMilliseconds(), started: true);
            }
            else
            {
                conversation = New(conversationId, userId, now, lastSequence: 0, started: false);
            }

            _conversations[conversationId] = conversation;
        }

        while (_conversations.Count > _options.MaxConversations && EvictLeastRecentlyUsed(except: conversation))
        {
        }

        return conversation;
    }

    private DirectLineConversation New(string conversationId, string userId, DateTimeOffset now, long lastSequence, bool started) =>
        new(conversationId, userId, _options.MaxActivitiesPerConversation, now, lastSequence, started);

    private bool EvictLeastRecentlyUsed(DirectLineConversation except)
    {
        var oldest = _conversations.Values.Where(c => !ReferenceEquals(c, except)).MinBy(c => c.LastUsed);
        if (oldest is null)
        {
            return false;
        }

        lock (_gate)
        {
            return Remove(oldest, leaveTombstone: true);
        }
    }

    // Under _gate. An evicted conversation leaves a tombstone; an idle one needs none (see RemoveIdle).
    private bool Remove(DirectLineConversation conversation, bool leaveTombstone)
    {
        if (!_conversations.TryRemove(new KeyValuePair<string, DirectLineConversation>(conversation.Id, conversation)))
        {
            return false;
        }

        // Closing ends the open socket too, so a streaming client reconnects and lands on the revived conversation.
        var lastSequence = conversation.Close();
        Interlocked.Add(ref _bytes, -conversation.Bytes);
        if (!leaveTombstone)
        {
            return true;
        }

        var tombstone = new Tombstone(conversation.Id, conversation.UserId, lastSequence, conversation.LastUsed);
        _tombstones.Add(conversation.Id, _tombstonesOldestFirst.AddLast(tombstone));
        while (_tombstones.Count > _maxTombstones)
        {
            RemoveTombstone(_tombstonesOldestFirst.First!);
        }

        return true;
    }

    // Under _gate.
    private void RemoveTombstone(LinkedListNode<Tombstone> node)
    {
        _tombstones.Remove(node.Value.ConversationId);
        _tombstonesOldestFirst.Remove(node);
    }

    /// <summary>What reviving a dropped conversation needs: whose it is, and where its numbering got to.</summary>
    private sealed record Tombstone(string ConversationId, string UserId, long LastSequence, DateTimeOffset LastUsed);
}
