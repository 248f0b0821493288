using System.Diagnostics;
using BackCareBot.Protocol.State;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace BackCareBot.Tests.Faults;

/// <summary>The SQLite store reports a locked file or a full disk as <see cref="StorageUnavailableException"/>, and recovers.</summary>
public sealed class SqliteStorageFaultTests : IAsyncLifetime
{
    private SqliteFaultHost _host = null!;

    public Task InitializeAsync()
    {
        _host = new SqliteFaultHost();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task WriteAsync_FileLockedByAnotherWriter_ThrowsUnavailableAfterAboutTheBusyTimeout()
    {
        var etag = await _host.Storage.WriteAsync("k", """{"v":1}""", null, CancellationToken.None);
        using var other = _host.OpenSeparateConnection();
        Execute(other, "BEGIN EXCLUSIVE");
        var waited = Stopwatch.StartNew();

        var failure = await Assert.ThrowsAsync<StorageUnavailableException>(
            () => _host.Storage.WriteAsync("k", """{"v":2}""", etag, CancellationToken.None).WaitAsync(Bounded.TurnLimit));

        waited.Stop();
        Assert.Equal(raw.SQLITE_BUSY, Assert.IsType<SqliteException>(failure.InnerException).SqliteErrorCode & 0xFF);

        // Not a speed check: the driver's own busy retry once ran for 30 s whatever busy_timeout said.
        Assert.InRange(waited.Elapsed, SqliteFaultHost.BusyTimeout, TimeSpan.FromSeconds(10));
        Execute(other, "ROLLBACK");
        Assert.NotEqual(etag, await _host.Storage.WriteAsync("k", """{"v":2}""", etag, CancellationToken.None));
    }

    [Fact]
    public async Task WriteAsync_DiskFull_ThrowsUnavailableAndKeepsTheDocument()
    {
        var etag = await _host.Storage.WriteAsync("k", """{"v":1}""", null, CancellationToken.None);
        _host.FillDisk();

        var failure = await Assert.ThrowsAsync<StorageUnavailableException>(
            () => _host.Storage.WriteAsync("k", """{"v":2}""", etag, CancellationToken.None));

        Assert.Equal(raw.SQLITE_FULL, Assert.IsType<SqliteException>(failure.InnerException).SqliteErrorCode & 0xFF);
        await Assert.ThrowsAsync<StorageUnavailableException>(() => _host.Storage.DeleteAsync("k", CancellationToken.None));
        Assert.Equal(new StoreItem("""{"v":1}""", etag), (await _host.Storage.ReadAsync(["k"], CancellationToken.None))["k"]);
    }

    [Fact]
    public async Task WriteAsync_DiskFreedAgain_SucceedsWithNoTraceOfTheFailedWrites()
    {
        var etag = await _host.Storage.WriteAsync("k", """{"v":1}""", null, CancellationToken.None);
        _host.FillDisk();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            await Assert.ThrowsAsync<StorageUnavailableException>(() => _host.Storage.WriteAsync("k", """{"v":2}""", etag, CancellationToken.None));
        }

        _host.FreeDisk();
        await _host.Storage.WriteAsync("k", """{"v":2}""", etag, CancellationToken.None);

        using var check = _host.OpenSeparateConnection();
        Assert.Equal("ok", Scalar(check, "PRAGMA integrity_check"));
        Assert.Equal(1L, Scalar(check, "SELECT count(*) FROM state"));
        Assert.Equal("""{"v":2}""", Scalar(check, "SELECT json FROM state WHERE key = 'k'"));
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
