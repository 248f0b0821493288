using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using BackCareBot.Protocol.Schema;
using BackCareBot.Protocol.State;

namespace BackCareBot.FollowUps;

/// <summary>
/// Pending check-ins in the bot's own store, so they survive a restart: one document per conversation under
/// "followups/", and an index of keys and due times. The index is changed with its ETag, so two hosts never
/// both claim the same check-in.
/// </summary>
public sealed class FollowUpStore(IStorage storage)
{
    public const string KeyPrefix = "followups/";
    public const string IndexKey = KeyPrefix + "index";

    private const int MaxIndexAttempts = 8;

    /// <summary>The document key of a conversation's check-in: a hash, so no id appears in the key.</summary>
    public static string KeyFor(ConversationReference conversation)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        var address = $"{conversation.ChannelId}/{conversation.Conversation?.Id}";
        return KeyPrefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(address)));
    }

    public async Task SaveAsync(FollowUpRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var key = KeyFor(record.Conversation);
        await storage.WriteAsync(key, JsonSerializer.Serialize(record, FollowUpJsonContext.Default.FollowUpRecord), StoreItem.AnyETag, cancellationToken);
        await UpdateIndexAsync(entries => [.. entries.Where(e => e.Key != key), new FollowUpIndexEntry(key, record.DueAt)], cancellationToken);
    }

    public async Task DeleteAsync(ConversationReference conversation, CancellationToken cancellationToken)
    {
        var key = KeyFor(conversation);
        await UpdateIndexAsync(entries => [.. entries.Where(e => e.Key != key)], cancellationToken);
        await storage.DeleteAsync(key, cancellationToken);
    }

    public async Task<FollowUpRecord?> FindAsync(ConversationReference conversation, CancellationToken cancellationToken)
    {
        var key = KeyFor(conversation);
        var items = await storage.ReadAsync([key], cancellationToken);
        return items.TryGetValue(key, out var item) ? Parse(item) : null;
    }

    /// <summary>
    /// Takes the check-ins due by <paramref name="now"/> off the index and returns them; the caller must send
    /// each and then <see cref="CompleteAsync"/> or <see cref="SaveAsync"/> it again.
    /// </summary>
    public async Task<IReadOnlyList<FollowUpRecord>> ClaimDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        IReadOnlyList<FollowUpIndexEntry> claimed = [];
        await UpdateIndexAsync(
            entries =>
            {
                claimed = [.. entries.Where(e => e.DueAt <= now)];
                return claimed.Count == 0 ? null : [.. entries.Where(e => e.DueAt > now)];
            },
            cancellationToken);
        if (claimed.Count == 0)
        {
            return [];
        }

        // A check-in cancelled between the index and here has no document any more, and is simply skipped.
        var items = await storage.ReadAsync([.. claimed.Select(e => e.Key)], cancellationToken);
        return [.. claimed.Where(e => items.ContainsKey(e.Key)).Select(e => Parse(items[e.Key]))];
    }

    public Task CompleteAsync(FollowUpRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        return storage.DeleteAsync(KeyFor(record.Conversation), cancellationToken);
    }

    private static FollowUpRecord Parse(StoreItem item) =>
        JsonSerializer.Deserialize(item.Json, FollowUpJsonContext.Default.FollowUpRecord)
        ?? throw new InvalidOperationException("A stored follow-up is empty.");

    /// <param name="change">The new entries, or null to leave the index as it is.</param>
    private async Task UpdateIndexAsync(Func<IReadOnlyList<FollowUpIndexEntry>, IReadOnlyList<FollowUpIndexEntry>?> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var items = await storage.ReadAsync([IndexKey], cancellationToken);
            var current = items.TryGetValue(IndexKey, out var item) ? item : null;
            var entries = current is null
                ? []
                : JsonSerializer.Deserialize(current.Json, FollowUpJsonContext.Default.FollowUpIndex)?.Entries ?? [];
            if (change(entries) is not { } changed)
            {
                return;
            }

            try
            {
                await storage.WriteAsync(IndexKey, JsonSerializer.Serialize(new FollowUpIndex(changed), FollowUpJsonContext.Default.FollowUpIndex), current?.ETag, cancellationToken);
                return;
            }
            catch (StorageConflictException) when (attempt < MaxIndexAttempts)
            {
                // Another turn or host changed the index since it was read: apply the change to the new version.
            }
        }
    }
}
