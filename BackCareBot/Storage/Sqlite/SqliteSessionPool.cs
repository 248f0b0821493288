using System.Collections.Concurrent;
using BackCareBot.Protocol.State;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace BackCareBot.Storage.Sqlite;

/// <summary>
/// Keeps sessions open so their prepared statements are reused. A caller that finds none idle opens
/// another; only up to <c>maxIdle</c> are kept afterwards. A session whose statement failed is
/// closed, never reused, so a store that comes back (lock released, disk space freed) is met with fresh
/// connections rather than ones left in a failed state.
/// </summary>
internal sealed class SqliteSessionPool(string connectionString, TimeSpan busyTimeout, int maxIdle) : IDisposable
{
    private readonly ConcurrentBag<SqliteSession> _idle = [];
    private volatile bool _disposed;

    /// <summary>Runs before every operation on the session's connection; tests use it to inject faults such as a full disk.</summary>
    internal Action<SqliteConnection>? BeforeEachUse { get; set; }

    public T Run<T>(Func<SqliteSession, T> operation)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        SqliteSession? session = null;
        T result;
        try
        {
            session = _idle.TryTake(out var idle) ? idle : new SqliteSession(connectionString, busyTimeout);
            BeforeEachUse?.Invoke(session.Connection);
            result = operation(session);
        }
        catch (Exception exception)
        {
            // A session that failed mid-statement is not trusted again.
            session?.Dispose();
            if (exception is SqliteException sqlite && IsUnavailable(sqlite))
            {
                throw new StorageUnavailableException($"The SQLite state store is unavailable (SQLite error {sqlite.SqliteErrorCode}).", sqlite);
            }

            throw;
        }

        Return(session);
        return result;
    }

    public void Dispose()
    {
        _disposed = true;
        DisposeIdle();
    }

    /// <summary>
    /// Failures of the file or its surroundings that pass without anyone touching the data: another
    /// writer holding the lock, a full or failing disk, a file that cannot be opened right now.
    /// Corruption and constraint errors are not among them: waiting would not cure those.
    /// </summary>
    private static bool IsUnavailable(SqliteException exception) =>
        (exception.SqliteErrorCode & 0xFF) is raw.SQLITE_BUSY
            or raw.SQLITE_LOCKED
            or raw.SQLITE_NOMEM
            or raw.SQLITE_READONLY
            or raw.SQLITE_IOERR
            or raw.SQLITE_FULL
            or raw.SQLITE_CANTOPEN
            or raw.SQLITE_PROTOCOL;

    private void Return(SqliteSession session)
    {
        if (_disposed || _idle.Count >= maxIdle)
        {
            session.Dispose();
            return;
        }

        _idle.Add(session);
        if (_disposed)
        {
            DisposeIdle();
        }
    }

    private void DisposeIdle()
    {
        while (_idle.TryTake(out var session))
        {
            session.Dispose();
        }
    }
}
