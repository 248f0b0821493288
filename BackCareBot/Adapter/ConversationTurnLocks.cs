namespace BackCareBot.Adapter;

/// <summary>
/// Lets only one turn of a conversation run at a time in this process, so two messages sent at once
/// cannot interleave their replies or overwrite each other's state. Locks are dropped when unused.
/// </summary>
internal sealed class ConversationTurnLocks
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public async Task<IDisposable> AcquireAsync(string conversationKey, CancellationToken cancellationToken)
    {
        Entry entry;
        lock (_entries)
        {
            if (!_entries.TryGetValue(conversationKey, out entry!))
            {
                entry = new Entry();
                _entries[conversationKey] = entry;
            }

            entry.Users++;
        }

        try
        {
            await entry.Semaphore.WaitAsync(cancellationToken);
        }
        catch
        {
            Release(conversationKey, entry, held: false);
            throw;
        }

        return new Releaser(this, conversationKey, entry);
    }

    /// <summary>How many conversations have a turn running or waiting; for tests and diagnostics.</summary>
    public int ActiveCount
    {
        get
        {
            lock (_entries)
            {
                return _entries.Count;
            }
        }
    }

    private void Release(string conversationKey, Entry entry, bool held)
    {
        if (held)
        {
            entry.Semaphore.Release();
        }

        lock (_entries)
        {
            if (--entry.Users == 0)
            {
                _entries.Remove(conversationKey);
                entry.Semaphore.Dispose();
            }
        }
    }

    private sealed class Entry
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);

        public int Users { get; set; }
    }

    private sealed class Releaser(ConversationTurnLocks owner, string conversationKey, Entry entry) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Release(conversationKey, entry, held: true);
            }
        }
    }
}
