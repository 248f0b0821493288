using System.Collections.Concurrent;
using System.Globalization;
using BackCareBot.Protocol.State;

namespace BackCareBot.Storage;

/// <summary>
/// A process-local store like <see cref="MemoryStorage"/> that also records when each document was
/// written, so the retention job works the same whichever provider is configured.
/// </summary>
public sealed class ExpiringMemoryStorage(TimeProvider timeProvider) : IStorage, IExpiringStorage
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private long _version;

    public Task<IReadOnlyDictionary<string, StoreItem>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, StoreItem>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (_entries.TryGetValue(key, out var entry))
            {
                result[key] = entry.Item;
            }
        }

        return Task.FromResult<IReadOnlyDictionary<string, StoreItem>>(result);
    }

    public Task<string> WriteAsync(string key, string json, string? expectedETag, CancellationToken cancellationToken)
    {
        var etag = Interlocked.Increment(ref _version).ToString(CultureInfo.InvariantCulture);
        var entry = new Entry(new StoreItem(json, etag), timeProvider.GetUtcNow());
        var written = expectedETag switch
        {
            null => _entries.TryAdd(key, entry),
            StoreItem.AnyETag => SetUnconditionally(key, entry),
            _ => _entries.TryGetValue(key, out var current) && current.Item.ETag == expectedETag && _entries.TryUpdate(key, entry, current),
        };

        return written ? Task.FromResult(etag) : throw new StorageConflictException(key);
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        _entries.TryRemove(key, out _);
        return Task.CompletedTask;
    }

    public Task PingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<int> DeleteIdleAsync(DateTimeOffset idleSince, string? keyPrefixOrNull, CancellationToken ct)
    {
        var deleted = 0;
        foreach (var pair in _entries)
        {
            var matches = pair.Value.UpdatedAt < idleSince
                && (keyPrefixOrNull is null || pair.Key.StartsWith(keyPrefixOrNull, StringComparison.Ordinal));

            // Removing the exact pair seen leaves a document alone if it was rewritten meanwhile.
            if (matches && _entries.TryRemove(pair))
            {
                deleted++;
            }
        }

        return Task.FromResult(deleted);
    }

    private bool SetUnconditionally(string key, Entry entry)
    {
        _entries[key] = entry;
        return true;
    }

    private sealed record Entry(StoreItem Item, DateTimeOffset UpdatedAt);
}
