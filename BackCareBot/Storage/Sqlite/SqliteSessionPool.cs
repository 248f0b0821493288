using System.Collections.Concurrent;

namespace BackCareBot.Storage.Sqlite;

/// <summary>
/// Keeps a few sessions open so their prepared statements are reused. Busy moments open extra sessions
/// rather than wait; only up to <c>maxIdle</c> are kept afterwards.
/// </summary>
internal sealed class SqliteSessionPool(string connectionString, int maxIdle) : IDisposable
{
    private readonly ConcurrentBag<SqliteSession> _idle = [];
    private volatile bool _disposed;

    public T Run<T>(Func<SqliteSession, T> operation)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var session = _idle.TryTake(out var idle) ? idle : new SqliteSession(connectionString);
        T result;
        try
        {
            result = operation(session);
        }
        catch
        {
            // A session that failed mid-statement is not trusted again.
            session.Dispose();
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
