using BackCareBot.Protocol.State;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace BackCareBot.Storage.Sqlite;

/// <summary>
/// The store's one session, kept open so its prepared statements and page cache are reused; the store calls it
/// under its gate only. A session whose statement failed is closed, never reused, so a store that comes back
/// (lock released, disk space freed) is met with a fresh connection rather than one left in a failed state.
/// </summary>
internal sealed class SqliteSessionSlot(string connectionString, TimeSpan busyTimeout) : IDisposable
{
    private SqliteSession? _session;
    private bool _disposed;

    /// <summary>Runs before every operation on the session's connection; tests use it to inject faults such as a full disk.</summary>
    internal Action<SqliteConnection>? BeforeEachUse { get; set; }

    public T Run<T>(Func<SqliteSession, T> operation)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        try
        {
            _session ??= new SqliteSession(connectionString, busyTimeout);
            BeforeEachUse?.Invoke(_session.Connection);
            return operation(_session);
        }
        catch (Exception exception)
        {
            _session?.Dispose();
            _session = null;
            if (exception is SqliteException sqlite && IsUnavailable(sqlite))
            {
                throw new StorageUnavailableException($"The SQLite state store is unavailable (SQLite error {sqlite.SqliteErrorCode}).", sqlite);
            }

            throw;
        }
    }

    public void Dispose()
    {
        _disposed = true;
        _session?.Dispose();
        _session = null;
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
}
