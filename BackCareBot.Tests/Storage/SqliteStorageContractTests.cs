using BackCareBot.Protocol.State;
using BackCareBot.Storage;
using BackCareBot.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace BackCareBot.Tests.Storage;

public sealed class SqliteStorageContractTests : StorageContractTests
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "bcb-sqlite-" + Guid.NewGuid().ToString("N"));

    private string DataDirectory => Path.Combine(_root, "nested", "data");

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public void Constructor_MissingDataFolder_CreatesFolderAndFile()
    {
        var storage = (SqliteStorage)Storage;

        Assert.True(File.Exists(Path.Combine(DataDirectory, SqliteStorage.FileName)));
        Assert.Equal(Path.Combine(DataDirectory, SqliteStorage.FileName), storage.DatabasePath);
    }

    [Fact]
    public async Task Constructor_ExistingFile_SeesEarlierData()
    {
        var etag = await Storage.WriteAsync("k", """{"kept":true}""", null, CancellationToken.None);
        ((IDisposable)Storage).Dispose();

        var reopened = await CreateStorageAsync();

        var item = (await reopened.ReadAsync(["k"], CancellationToken.None))["k"];
        Assert.Equal("""{"kept":true}""", item.Json);
        Assert.Equal(etag, item.ETag);
    }

    [Fact]
    public async Task Constructor_Always_UsesWalJournal()
    {
        await Storage.WriteAsync("k", "{}", null, CancellationToken.None);
        using var connection = new SqliteConnection($"Data Source={((SqliteStorage)Storage).DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";

        Assert.Equal("wal", command.ExecuteScalar() as string);
    }

    [Fact]
    public async Task WriteAsync_TwoInstancesOnOneFile_RespectEachOthersETags()
    {
        var other = await CreateStorageAsync();
        var etag = await Storage.WriteAsync("k", """{"count":0}""", null, CancellationToken.None);
        await other.WriteAsync("k", """{"count":1}""", etag, CancellationToken.None);

        await Assert.ThrowsAsync<StorageConflictException>(() => Storage.WriteAsync("k", """{"count":2}""", etag, CancellationToken.None));
        await Assert.ThrowsAsync<StorageConflictException>(() => Storage.WriteAsync("k", "{}", null, CancellationToken.None));
    }

    [Fact]
    public async Task WriteAsync_TwoInstancesIncrementingConcurrently_LoseNoIncrement()
    {
        const int writersPerInstance = 8;
        var other = await CreateStorageAsync();
        await Storage.WriteAsync("counter", """{"count":0}""", null, CancellationToken.None);

        await Task.WhenAll(
            Enumerable.Range(0, writersPerInstance * 2)
                .Select(i => Task.Run(() => IncrementAsync(i % 2 == 0 ? Storage : other, "counter"))));

        Assert.Equal(writersPerInstance * 2, CountIn((await other.ReadAsync(["counter"], CancellationToken.None))["counter"]));
    }

    [Fact]
    public async Task WriteAsync_ContinuousWrites_LogIsCopiedBackAndReused()
    {
        var path = Path.Combine(DataDirectory, "busy.db");
        using var storage = new SqliteStorage(path, TimeProvider.System, SqliteStorageOptions.DefaultBusyTimeout, TimeSpan.FromMilliseconds(20));
        var row = $$"""{"padding":"{{new string('x', 2000)}}"}""";
        var etags = new string?[16];

        // Never a pause between commits: the log can only be started afresh if a checkpoint catches up with them.
        var written = 0;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(1.5))
        {
            var slot = written++ % etags.Length;
            etags[slot] = await storage.WriteAsync($"k{slot}", row, etags[slot], CancellationToken.None);

            // A turn awaits its I/O; a loop that never yields would keep the checkpoints off the thread pool.
            await Task.Yield();
        }

        // The log's header counts the times it was started afresh (its checkpoint sequence number, big-endian at byte 12).
        // Once is not enough: the log must keep being reused while the commits go on.
        var header = new byte[16];
        using (var log = new FileStream(path + "-wal", FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        {
            log.ReadExactly(header);
        }

        var restarts = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(12));
        Assert.True(restarts >= 3, $"{written} commits restarted the log {restarts} time(s)");

        // Without the checkpoints every commit would add a couple of 4 KB pages to the log for good. A restart that a busy
        // machine delays lets the log grow for that long, so the bound allows for a few.
        var logBytes = new FileInfo(path + "-wal").Length;
        Assert.True(logBytes < written * 4096L / 2, $"{written} commits left a {logBytes}-byte log");
        Assert.Equal(row, (await storage.ReadAsync(["k0"], CancellationToken.None))["k0"].Json);
    }

    [Fact]
    public async Task DeleteIdleAsync_TableSpanningSeveralSweepSlices_DeletesEveryIdleRowAndNoOther()
    {
        const int idleRows = SqliteStorage.SweepSliceRows * 2 + 100;
        for (var i = 0; i < idleRows; i++)
        {
            await Storage.WriteAsync($"idle/{i}", "{}", null, CancellationToken.None);
        }

        // Gaps in the rowids, and fresh rows among the old ones, as deletes and rewrites leave them.
        await Storage.DeleteAsync("idle/5", CancellationToken.None);
        await Storage.DeleteAsync($"idle/{SqliteStorage.SweepSliceRows}", CancellationToken.None);
        Clock.Advance(TimeSpan.FromDays(8));
        var rewritten = (await Storage.ReadAsync(["idle/7"], CancellationToken.None))["idle/7"];
        await Storage.WriteAsync("idle/7", "{}", rewritten.ETag, CancellationToken.None);
        await Storage.WriteAsync("fresh", "{}", null, CancellationToken.None);

        var deleted = await Expiring.DeleteIdleAsync(Clock.GetUtcNow() - TimeSpan.FromDays(7), null, CancellationToken.None);

        Assert.Equal(idleRows - 3, deleted);
        Assert.Equal(["fresh", "idle/7"], RowKeys());
    }

    [Fact]
    public void Constructor_FileWithTheOldUpdatedAtIndex_DropsIt()
    {
        var path = Path.Combine(DataDirectory, "old.db");
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText =
                """
                CREATE TABLE state (key TEXT NOT NULL PRIMARY KEY, json TEXT NOT NULL, etag TEXT NOT NULL, updated_at INTEGER NOT NULL);
                CREATE INDEX state_updated_at ON state (updated_at);
                """;
            command.ExecuteNonQuery();
        }

        using var storage = new SqliteStorage(path, TimeProvider.System);

        Assert.Empty(Scalars(path, "SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'state_updated_at'"));
    }

    private string[] RowKeys() => Scalars(((SqliteStorage)Storage).DatabasePath, "SELECT key FROM state ORDER BY key");

    private static string[] Scalars(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }

        return [.. values];
    }

    protected override Task<IStorage> CreateStorageOverSameDataAsync(TimeProvider timeProvider) =>
        Task.FromResult<IStorage>(SqliteStorage.InDirectory(DataDirectory, timeProvider));
}
