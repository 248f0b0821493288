using BackCareBot.Protocol.State;
using BackCareBot.Storage.Postgres;
using Npgsql;

namespace BackCareBot.Tests.Storage;

/// <summary>Each test gets its own table on the shared throwaway server.</summary>
[Collection(PostgresServerCollection.Name)]
public sealed class PostgresStorageContractTests(PostgresServerFixture server) : StorageContractTests
{
    private readonly string _tableName = "state_" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task FirstUse_TwoInstancesAtOnce_CreateSchemaOnceAndShareIt()
    {
        var first = await CreateStorageAsync();
        var second = await CreateStorageAsync();

        await Task.WhenAll(first.PingAsync(CancellationToken.None), second.PingAsync(CancellationToken.None));
        var etag = await first.WriteAsync("k", "{}", null, CancellationToken.None);

        Assert.Equal(etag, (await second.ReadAsync(["k"], CancellationToken.None))["k"].ETag);
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
    public async Task WriteAsync_ETagNotIssuedByStore_ThrowsConflict()
    {
        await Storage.WriteAsync("k", "{}", null, CancellationToken.None);

        await Assert.ThrowsAsync<StorageConflictException>(() => Storage.WriteAsync("k", "{}", "\"not-a-version\"", CancellationToken.None));
    }

    [Fact]
    public async Task ReadAsync_AfterServerDroppedPooledConnections_RetriesAndSucceeds()
    {
        await Storage.WriteAsync("k", """{"v":1}""", null, CancellationToken.None);
        await using (var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server.ConnectionString) { Pooling = false }.ConnectionString))
        {
            await admin.OpenAsync();
            await using var kill = new NpgsqlCommand(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()",
                admin);
            Assert.True((long)(await kill.ExecuteScalarAsync())! >= 1);
        }

        var items = await Storage.ReadAsync(["k"], CancellationToken.None);

        Assert.Equal("""{"v":1}""", items["k"].Json);
    }

    protected override Task<IStorage> CreateStorageOverSameDataAsync(TimeProvider timeProvider) =>
        Task.FromResult<IStorage>(new PostgresStorage(server.ConnectionString, _tableName, timeProvider));
}
