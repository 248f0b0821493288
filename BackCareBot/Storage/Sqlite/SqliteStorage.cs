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
/// calls are used directly and completed tasks returned.
/// </remarks>
public sealed class SqliteStorage : IStorage, IExpiringStorage, IDisposable
{
    public const string FileName = "bot-state.db";

    // Enough for every thread-pool thread of a small machine to read at once without opening a connection.
    private const int MaxIdleSessions = 8;

    private readonly SqliteSessionPool _pool;

    // SQLite lets one writer in at a time and makes the others sleep in its busy handler, whose waits grow
    // in milliseconds. Queuing this process's writers here instead costs microseconds; other processes on
    // the same file still meet the busy timeout.
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly TimeProvider _timeProvider;

    /// <summary>Opens or creates the database file, creating its folder and the schema if needed.</summary>
    public SqliteStorage(string databasePath, TimeProvider timeProvider)
        : this(databasePath, timeProvider, SqliteStorageOptions.DefaultBusyTimeout)
    {
    }

    /// <summary>As above, with how long a write waits for another writer's lock before the store counts as unavailable.</summary>
    public SqliteStorage(string databasePath, TimeProvider timeProvider, TimeSpan busyTimeout)
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
        _pool = new SqliteSessionPool(connectionString, busyTimeout, MaxIdleSessions);
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

    /// <summary>Runs before every operation on a pooled connection; tests use it to simulate a full disk.</summary>
    internal Action<SqliteConnection>? BeforeEachUse
    {
        get => _pool.BeforeEachUse;
        set => _pool.BeforeEachUse = value;
    }

    public Task<IReadOnlyDictionary<string, StoreItem>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var result = _pool.Run(session =>
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
        });

        return Task.FromResult<IReadOnlyDictionary<string, StoreItem>>(result);
    }

    public async Task<string> WriteAsync(string key, string json, string? expectedETag, CancellationToken cancellationToken)
    {
        var etag = ETags.NewRandom();
        var now = _timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        var written = await WriteExclusivelyAsync(session => expectedETag switch
        {
            null => session.Insert(key, json, etag, now),
            StoreItem.AnyETag => Upsert(session, key, json, etag, now),
            _ => session.Update(key, json, etag, now, expectedETag),
        }, cancellationToken);

        return written ? etag : throw new StorageConflictException(key);
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken) =>
        WriteExclusivelyAsync(session =>
        {
            session.Delete(key);
            return true;
        }, cancellationToken);

    public Task PingAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _pool.Run(session =>
        {
            session.Ping();
            return true;
        });
        return Task.CompletedTask;
    }

    public Task<int> DeleteIdleAsync(DateTimeOffset idleSince, string? keyPrefixOrNull, CancellationToken ct)
    {
        var before = idleSince.ToUnixTimeMilliseconds();
        return WriteExclusivelyAsync(session => session.DeleteIdle(before, keyPrefixOrNull), ct);
    }

    public void Dispose()
    {
        _pool.Dispose();
        _writeGate.Dispose();
    }

    private async Task<T> WriteExclusivelyAsync<T>(Func<SqliteSession, T> write, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            return _pool.Run(write);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private static bool Upsert(SqliteSession session, string key, string json, string etag, long now)
    {
        session.Upsert(key, json, etag, now);
        return true;
    }
}
