using Microsoft.Data.Sqlite;

namespace BackCareBot.Storage.Sqlite;

/// <summary>
/// Copies the write-ahead log back into the database file on its own connection, a few times a second.
/// SQLite would otherwise do it inside whichever commit crosses its threshold, and that commit (with every
/// turn queued behind it) would wait for the copy and its disk syncs: a stall of tens of milliseconds,
/// many times a second under load.
/// </summary>
/// <remarks>
/// Each tick copies beside the store's work, in one pass. SQLite only starts the log afresh when a write begins with
/// every frame copied, which never happens while commits keep landing during the copy. So every
/// <see cref="TicksPerRestart"/>th tick a second pass copies what was committed during the first, and a last pass
/// holds the store's gate for the few frames committed meanwhile. Without that the log grows for ever, and writing
/// into new file space costs the kernel far more than overwriting the old. But every change waits while the gate is
/// held, 2–8 ms at 6,000 turns/s (BackCareBot.LoadTest); on every tick that was over 1% of the time, enough to set
/// the p99 by itself.
/// </remarks>
internal sealed class SqliteCheckpointer : IDisposable
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>How often the log is started afresh, in ticks: about once a second by default.</summary>
    internal const int TicksPerRestart = 4;

    private readonly string _connectionString;
    private readonly TimeSpan _busyTimeout;
    private readonly SemaphoreSlim _gate;
    private readonly PeriodicTimer _timer;
    private readonly Task _loop;
    private SqliteConnection? _connection;

    /// <param name="gate">The store's gate, held by every operation on its own connection.</param>
    public SqliteCheckpointer(string connectionString, TimeSpan busyTimeout, SemaphoreSlim gate, TimeSpan interval, TimeProvider timeProvider)
    {
        _connectionString = connectionString;
        _busyTimeout = busyTimeout;
        _gate = gate;
        _timer = new PeriodicTimer(interval, timeProvider);
        _loop = Task.Run(RunAsync);
    }

    public void Dispose()
    {
        // Ends the loop after the checkpoint in progress, if any, so the connection is not closed under it.
        _timer.Dispose();
        _loop.GetAwaiter().GetResult();
        _connection?.Dispose();
    }

    private async Task RunAsync()
    {
        for (var tick = 1; await _timer.WaitForNextTickAsync(); tick++)
        {
            try
            {
                Checkpoint();
                if (tick % TicksPerRestart != 0)
                {
                    continue;
                }

                // Beside the store's work, what was committed during that copy; then the rest with the gate held.
                Checkpoint();
                await _gate.WaitAsync();
                try
                {
                    Checkpoint();
                }
                finally
                {
                    _gate.Release();
                }
            }
            catch (SqliteException)
            {
                // The store's own operations report a locked file or a full disk to the person; here the
                // only cost of a failed checkpoint is a longer log until a later tick succeeds.
                _connection?.Dispose();
                _connection = null;
            }
        }
    }

    private void Checkpoint()
    {
        if (_connection is null)
        {
            _connection = new SqliteConnection(_connectionString);
            _connection.Open();
            SqliteSchema.ConfigureConnection(_connection, _busyTimeout);
        }

        using var command = _connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
        command.ExecuteNonQuery();
    }
}
