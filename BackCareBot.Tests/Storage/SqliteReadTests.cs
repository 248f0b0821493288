using BackCareBot.Protocol.State;
using BackCareBot.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace BackCareBot.Tests.Storage;

/// <summary>Reads run on connections of their own, beside the writes, never queued behind them.</summary>
public sealed class SqliteReadTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "bcb-reads-" + Guid.NewGuid().ToString("N"));
    private readonly SqliteStorage _storage;

    public SqliteReadTests()
    {
        _storage = SqliteStorage.InDirectory(_directory, TimeProvider.System);
    }

    public void Dispose()
    {
        _storage.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task ReadAsync_WhileAWriteHoldsTheSession_AnswersWithTheLastCommit()
    {
        await _storage.WriteAsync("kept", """{"n":1}""", null, CancellationToken.None);
        using var release = new ManualResetEventSlim();
        using var writing = new ManualResetEventSlim();
        var uses = 0;
        _storage.BeforeEachUse = _ =>
        {
            if (Interlocked.Increment(ref uses) == 1)
            {
                writing.Set();
                release.Wait(TimeSpan.FromSeconds(10));
            }
        };
        var held = Task.Run(() => _storage.WriteAsync("kept", """{"n":2}""", StoreItem.AnyETag, CancellationToken.None));
        Assert.True(writing.Wait(TimeSpan.FromSeconds(10)));

        var read = await _storage.ReadAsync(["kept"], CancellationToken.None);

        Assert.False(held.IsCompleted);
        Assert.Equal("""{"n":1}""", read["kept"].Json);
        release.Set();
        await held;
        Assert.Equal("""{"n":2}""", (await _storage.ReadAsync(["kept"], CancellationToken.None))["kept"].Json);
    }

    [Fact]
    public async Task ReadAsync_AfterTheDiskFailedARead_ReadsAgainOnAFreshConnection()
    {
        await _storage.WriteAsync("kept", "{}", null, CancellationToken.None);
        var failures = 1;
        _storage.BeforeEachUse = connection =>
        {
            if (Interlocked.Exchange(ref failures, 0) == 1)
            {
                // The failed connection must not be handed out again: closing it here makes any reuse fail loudly.
                connection.Close();
                throw new SqliteException("disk I/O error", 10);
            }
        };

        await Assert.ThrowsAsync<StorageUnavailableException>(() => _storage.ReadAsync(["kept"], CancellationToken.None));

        Assert.Equal("{}", (await _storage.ReadAsync(["kept"], CancellationToken.None))["kept"].Json);
    }

    [Fact]
    public async Task ReadAsync_ManyAtOnce_EachSeesItsOwnKey()
    {
        var keys = Enumerable.Range(0, 200).Select(i => $"k{i}").ToArray();
        foreach (var key in keys)
        {
            await _storage.WriteAsync(key, $$"""{"key":"{{key}}"}""", null, CancellationToken.None);
        }

        var reads = await Task.WhenAll(keys.Select(key => Task.Run(() => _storage.ReadAsync([key], CancellationToken.None))));

        Assert.All(keys.Zip(reads), pair => Assert.Equal($$"""{"key":"{{pair.First}}"}""", pair.Second[pair.First].Json));
    }

    [Fact]
    public async Task ReadAsync_OneAfterAnother_KeepsUsingOneConnection()
    {
        await _storage.WriteAsync("kept", "{}", null, CancellationToken.None);
        var connections = new HashSet<SqliteConnection>(ReferenceEqualityComparer.Instance);
        _storage.BeforeEachUse = connection =>
        {
            lock (connections)
            {
                connections.Add(connection);
            }
        };

        for (var i = 0; i < 100; i++)
        {
            await _storage.ReadAsync(["kept"], CancellationToken.None);
        }

        Assert.Single(connections);
    }

    [Fact]
    public async Task ReadAsync_Cancelled_ThrowsWithoutReading()
    {
        var uses = 0;
        _storage.BeforeEachUse = _ => Interlocked.Increment(ref uses);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _storage.ReadAsync(["kept"], new CancellationToken(canceled: true)));

        Assert.Equal(0, uses);
    }

    [Fact]
    public async Task ReadAsync_AfterDispose_Throws()
    {
        _storage.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => _storage.ReadAsync(["kept"], CancellationToken.None));
    }
}
