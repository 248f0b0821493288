using BackCareBot.Protocol.State;
using Microsoft.Data.Sqlite;

namespace BackCareBot.Storage.Sqlite;

/// <summary>
/// The default store: one SQLite file in WAL mode. Every conditional write is a single SQL statement
/// whose row count says whether the ETag held, so several instances, even in different processes,
/// can share the file without losing updates.
/// </summary>
/// <remarks>
/// Microsoft.Data.Sqlite does its work synchronously whatever the method's name, so the synchronous
/// calls are used directly; only the wait for this process's gate is asynchronous.
/// </remarks>
public sealed class SqliteStorage : IStorage, IExpiringStorage, IDisposable
{
    public const string FileName = "bot-state.db";

    /// <summary>How many rowids one step of the idle sweep covers.</summary>
    internal const int SweepSliceRows = 1024;

    // Every change runs under the gate, on one connection: the only one that changes the file in this process,
    // so its page cache stays valid from commit to commit. Reads have connections of their own.
    private readonly SqliteSessionSlot _session;
    private readonly SqliteReaders _readers;
    private readonly SqliteGroupCommit _groupCommit;
    private readonly SqliteCheckpointer _checkpointer;

    // SQLite lets one writer in at a time and makes the others sleep in its busy handler, whose waits grow
    // in milliseconds. Queuing this process's changes here instead costs microseconds, and lets the queue
    // share one commit (SqliteGroupCommit); other processes on the same file still meet the busy timeout.
    private readonly SemaphoreSlim _gate = new(1, 1);
    private int _disposed;
    private readonly TimeProvider _timeProvider;

    /// <summary>Opens or creates the database file, creating its folder and the schema if needed.</summary>
    public SqliteStorage(string databasePath, TimeProvider timeProvider)
        : this(databasePath, timeProvider, SqliteStorageOptions.DefaultBusyTimeout)
    {
    }

    /// <summary>As above, with how long a write waits for another writer's lock before the store counts as unavailable.</summary>
    public SqliteStorage(string databasePath, TimeProvider timeProvider, TimeSpan busyTimeout)
        : this(databasePath, timeProvider, busyTimeout, SqliteCheckpointer.DefaultInterval)
    {
    }

    /// <summary>As above, with how often the log is copied back into the database file.</summary>
    internal SqliteStorage(string databasePath, TimeProvider timeProvider, TimeSpan busyTimeout, TimeSpan checkpointInterval)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(busyTimeout, TimeSpan.Zero);
        var fullPath = Path.GetFullPath(databasePath);
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);

        // Our own pool keeps connections open with their prepared statements, so the driver's pool
        // would only add a second layer. The driver also retries a busy statement on its own, for
        // Default Timeout (whole seconds, 0 meaning for ever), on top of SQLite's busy_timeout: both
        // follow the busy timeout so a locked file ends in an apology rather than a 30-second wait.
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = fullPath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = Math.Max(1, (int)Math.Ceiling(busyTimeout.TotalSeconds)),
        }.ToString();

        SqliteSchema.Create(connectionString, busyTimeout);
        _session = new SqliteSessionSlot(connectionString, busyTimeout);
        _readers = new SqliteReaders(connectionString, busyTimeout);
        _groupCommit = new SqliteGroupCommit(_session, _gate);
        _checkpointer = new SqliteCheckpointer(connectionString, busyTimeout, _gate, checkpointInterval, timeProvider);
        _timeProvider = timeProvider;
        DatabasePath = fullPath;
    }

    public string DatabasePath { get; }

    /// <summary>The store kept in <see cref="FileName"/> inside <paramref name="dataDirectory"/>.</summary>
    public static SqliteStorage InDirectory(string dataDirectory, TimeProvider timeProvider) =>
        new(Path.Combine(dataDirectory, FileName), timeProvider);

    /// <summary>The store kept in <see cref="FileName"/> inside <paramref name="dataDirectory"/>, with the given busy timeout.</summary>
    public static SqliteStorage InDirectory(string dataDirectory, TimeProvider timeProvider, TimeSpan busyTimeout) =>
        new(Path.Combine(dataDirectory, FileName), timeProvider, busyTimeout);

    /// <summary>Runs before every operation on any of the store's connections; tests use it to simulate a full disk.</summary>
    internal Action<SqliteConnection>? BeforeEachUse
    {
        get => _session.BeforeEachUse;
        set => _session.BeforeEachUse = _readers.BeforeEachUse = value;
    }

    /// <remarks>Reads run on the caller's thread, beside the writes, and finish before this returns.</remarks>
    public Task<IReadOnlyDictionary<string, StoreItem>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<IReadOnlyDictionary<string, StoreItem>>(cancellationToken);
        }

        try
        {
            return Task.FromResult<IReadOnlyDictionary<string, StoreItem>>(_readers.Run(ReadEach, keys));
        }
        catch (Exception exception)
        {
            return Task.FromException<IReadOnlyDictionary<string, StoreItem>>(exception);
        }
    }

    public async Task<string> WriteAsync(string key, string json, string? expectedETag, CancellationToken cancellationToken)
    {
        var etag = ETags.NewRandom();
        var now = _timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        var written = await RunExclusivelyAsync(session => expectedETag switch
        {
            null => session.Insert(key, json, etag, now),
            StoreItem.AnyETag => Upsert(session, key, json, etag, now),
            _ => session.Update(key, json, etag, now, expectedETag),
        }, cancellationToken);

        return written ? etag : throw new StorageConflictException(key);
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken) =>
        RunExclusivelyAsync(session =>
        {
            session.Delete(key);
            return true;
        }, cancellationToken);

    public Task PingAsync(CancellationToken cancellationToken) =>
        RunExclusivelyAsync(session =>
        {
            session.Ping();
            return true;
        }, cancellationToken);

    /// <remarks>
    /// updated_at has no index, so the sweep reads every row: a slice of rowids at a time, each under the gate
    /// on its own, so turns wait for one slice (about a millisecond) rather than for the whole table.
    /// Rows written after the sweep began are newer than the cut-off and may be left unvisited.
    /// </remarks>
    public async Task<int> DeleteIdleAsync(DateTimeOffset idleSince, string? keyPrefixOrNull, CancellationToken ct)
    {
        var before = idleSince.ToUnixTimeMilliseconds();
        if (await RunExclusivelyAsync(session => session.RowIds(), ct) is not var (first, last))
        {
            return 0;
        }

        var deleted = 0;
        for (var from = first; from <= last; from += SweepSliceRows)
        {
            var sliceStart = from;
            deleted += await RunExclusivelyAsync(session => session.DeleteIdle(sliceStart, sliceStart + SweepSliceRows, before, keyPrefixOrNull), ct);
        }

        return deleted;
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _checkpointer.Dispose();

        // An operation still in flight finishes with the connection first; each is bounded by the busy timeout.
        _gate.Wait();
        _session.Dispose();
        _readers.Dispose();
        _gate.Dispose();
    }

    private Task<T> RunExclusivelyAsync<T>(Func<SqliteSession, T> operation, CancellationToken cancellationToken) =>
        _groupCommit.RunAsync(operation, cancellationToken);

    private static Dictionary<string, StoreItem> ReadEach(SqliteSession session, IReadOnlyCollection<string> keys)
    {
        var found = new Dictionary<string, StoreItem>(keys.Count, StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (session.Read(key) is { } item)
            {
                found[key] = item;
            }
        }

        return found;
    }

    private static bool Upsert(SqliteSession session, string key, string json, string etag, long now)
    {
        session.Upsert(key, json, etag, now);
        return true;
    }
}
