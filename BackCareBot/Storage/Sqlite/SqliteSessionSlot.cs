using Microsoft.Data.Sqlite;

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
            if (SqliteFailures.AsUnavailable(exception) is { } unavailable)
            {
                throw unavailable;
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
}
