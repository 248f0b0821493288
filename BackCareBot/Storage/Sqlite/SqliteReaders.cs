using Microsoft.Data.Sqlite;

namespace BackCareBot.Storage.Sqlite;

/// <summary>
/// Connections for reads, each used by one caller at a time, run on the caller's thread without the store's gate.
/// In WAL mode a reader sees the last commit and never waits for a writer, so a turn's read no longer queues behind
/// the commits of other turns (at 6,000 turns/s that queue, and the thread hops it took, were most of a read's time).
/// </summary>
/// <remarks>
/// Each read starts on a page cache that the writer's last commit made stale, so it costs a few microseconds more
/// than on the writer's connection; that is far less than a turn waiting its turn at the gate.
/// </remarks>
internal sealed class SqliteReaders(string connectionString, TimeSpan busyTimeout) : IDisposable
{
    // A read holds its connection for microseconds, but a thread switched out mid-read holds it longer: as fast as the
    // load tool could go on 2 cores, up to 6 were in use at once. With fewer kept, connections were opened and closed
    // several times a second, and their memory churned.
    private const int MaxIdle = 8;

    private readonly SqliteSession?[] _idle = new SqliteSession?[MaxIdle];
    private volatile bool _disposed;

    /// <summary>Runs before every read on a connection; tests use it to inject faults such as a full disk.</summary>
    internal Action<SqliteConnection>? BeforeEachUse { get; set; }

    /// <param name="state">Passed to <paramref name="read"/>, so a read on the path of every turn needs no closure.</param>
    public T Run<TState, T>(Func<SqliteSession, TState, T> read, TState state)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        SqliteSession? session = null;
        try
        {
            session = Rent();
            BeforeEachUse?.Invoke(session.Connection);
            var result = read(session, state);
            Return(session);
            return result;
        }
        catch (Exception exception)
        {
            // A connection whose statement failed is never reused: a store that comes back is met with a fresh one.
            session?.Dispose();
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
        CloseIdle();
    }

    private SqliteSession Rent()
    {
        for (var i = 0; i < _idle.Length; i++)
        {
            if (Interlocked.Exchange(ref _idle[i], null) is { } idle)
            {
                return idle;
            }
        }

        var session = new SqliteSession(connectionString, busyTimeout);
        try
        {
            SqliteSchema.ConfigureReader(session.Connection);
            return session;
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    private void Return(SqliteSession session)
    {
        for (var i = 0; i < _idle.Length; i++)
        {
            if (Interlocked.CompareExchange(ref _idle[i], session, null) is null)
            {
                // Disposal may have emptied the slots just before this one was filled.
                if (_disposed)
                {
                    CloseIdle();
                }

                return;
            }
        }

        session.Dispose();
    }

    private void CloseIdle()
    {
        for (var i = 0; i < _idle.Length; i++)
        {
            Interlocked.Exchange(ref _idle[i], null)?.Dispose();
        }
    }
}
