using System.Collections.Concurrent;
using System.Globalization;

namespace BackCareBot.Protocol.State;

/// <summary>A process-local store for tests and throwaway runs; it forgets everything on restart.</summary>
public sealed class MemoryStorage : IStorage
{
    private readonly ConcurrentDictionary<string, StoreItem> _items = new(StringComparer.Ordinal);
    private long _version;

    public Task<IReadOnlyDictionary<string, StoreItem>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, StoreItem>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (_items.TryGetValue(key, out var item))
            {
                result[key] = item;
            }
        }

        return Task.FromResult<IReadOnlyDictionary<string, StoreItem>>(result);
    }

    public Task<string> WriteAsync(string key, string json, string? expectedETag, CancellationToken cancellationToken)
    {
        var item = new StoreItem(json, Interlocked.Increment(ref _version).ToString(CultureInfo.InvariantCulture));
        var written = expectedETag switch
        {
            null => _items.TryAdd(key, item),
            StoreItem.AnyETag => SetUnconditionally(key, item),
            _ => _items.TryGetValue(key, out var current) && current.ETag == expectedETag && _items.TryUpdate(key, item, current),
        };

        return written ? Task.FromResult(item.ETag) : throw new StorageConflictException(key);
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        _items.TryRemove(key, out _);
        return Task.CompletedTask;
    }

    public Task PingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private bool SetUnconditionally(string key, StoreItem item)
    {
        _items[key] = item;
        return true;
    }
}
