using System.Collections.Concurrent;

namespace BackCareBot.Dialogs.Messages;

/// <summary>
/// Keeps values that are built again and again from the same few keys (sentences and choices of the content file),
/// up to a fixed number, so keys that rarely repeat (sentences with personal values) cannot fill memory.
/// </summary>
/// <remarks>
/// The count is kept here: <see cref="ConcurrentDictionary{TKey,TValue}.Count"/> takes every lock of the
/// dictionary, and a full cache would do that on every miss.
/// </remarks>
internal sealed class CappedCache<TKey, TValue>(int capacity, IEqualityComparer<TKey>? comparer = null)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, TValue> _values = new(comparer);
    private int _count;

    public TValue GetOrBuild<TArgument>(TKey key, Func<TKey, TArgument, TValue> build, TArgument argument)
    {
        if (_values.TryGetValue(key, out var value))
        {
            return value;
        }

        value = build(key, argument);
        if (Volatile.Read(ref _count) < capacity && _values.TryAdd(key, value))
        {
            Interlocked.Increment(ref _count);
        }

        return value;
    }
}
