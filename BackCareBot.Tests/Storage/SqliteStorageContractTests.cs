using BackCareBot.Protocol.State;
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

    protected override Task<IStorage> CreateStorageOverSameDataAsync(TimeProvider timeProvider) =>
        Task.FromResult<IStorage>(SqliteStorage.InDirectory(DataDirectory, timeProvider));
}
