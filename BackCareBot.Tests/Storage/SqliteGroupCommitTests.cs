using BackCareBot.Protocol.State;
using BackCareBot.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace BackCareBot.Tests.Storage;

/// <summary>
/// Operations that queue while the store is busy share one transaction. Each test holds the store's first operation
/// inside the session, so the ones behind it are waiting together when it lets go.
/// </summary>
public sealed class SqliteGroupCommitTests : IDisposable
{
    private const int Waiting = 20;

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "bcb-group-" + Guid.NewGuid().ToString("N"));
    private readonly SqliteStorage _storage;
    private readonly ManualResetEventSlim _release = new();
    private int _sessionUses;

    public SqliteGroupCommitTests()
    {
        _storage = SqliteStorage.InDirectory(_directory, TimeProvider.System);
        _storage.BeforeEachUse = _ =>
        {
            if (Interlocked.Increment(ref _sessionUses) == 1)
            {
                _release.Wait(TimeSpan.FromSeconds(10));
            }
        };
    }

    public void Dispose()
    {
        _release.Set();
        _storage.Dispose();
        _release.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task WriteAsync_ManyWaiting_AllLandInOneCommit()
    {
        var first = Task.Run(() => _storage.WriteAsync("first", "{}", null, CancellationToken.None));
        await WaitUntilAsync(() => _sessionUses == 1);
        var writes = Enumerable.Range(0, Waiting).Select(i => _storage.WriteAsync($"k{i}", $$"""{"n":{{i}}}""", null, CancellationToken.None)).ToArray();

        _release.Set();
        var etags = await Task.WhenAll(writes);
        await first;

        Assert.Equal(2, _sessionUses);
        var stored = await _storage.ReadAsync([.. Enumerable.Range(0, Waiting).Select(i => $"k{i}")], CancellationToken.None);
        Assert.All(Enumerable.Range(0, Waiting), i =>
        {
            Assert.Equal($$"""{"n":{{i}}}""", stored[$"k{i}"].Json);
            Assert.Equal(etags[i], stored[$"k{i}"].ETag);
        });
    }

    [Fact]
    public async Task WriteAsync_OneWaitingOperationFails_TheOthersStillLand()
    {
        var first = Task.Run(() => _storage.WriteAsync("first", "{}", null, CancellationToken.None));
        await WaitUntilAsync(() => _sessionUses == 1);
        var before = Enumerable.Range(0, Waiting / 2).Select(i => _storage.WriteAsync($"a{i}", "{}", null, CancellationToken.None)).ToArray();
        var broken = _storage.WriteAsync("broken", null!, null, CancellationToken.None);
        var after = Enumerable.Range(0, Waiting / 2).Select(i => _storage.WriteAsync($"b{i}", "{}", null, CancellationToken.None)).ToArray();

        _release.Set();
        await first;

        await Assert.ThrowsAnyAsync<Exception>(() => broken);
        await Task.WhenAll(before.Concat(after));
        var keys = Enumerable.Range(0, Waiting / 2).SelectMany(i => new[] { $"a{i}", $"b{i}" }).ToArray();
        Assert.Equal(Waiting, (await _storage.ReadAsync(keys, CancellationToken.None)).Count);
        Assert.Empty(await _storage.ReadAsync(["broken"], CancellationToken.None));
    }

    [Fact]
    public async Task WriteAsync_CancelledWhileWaiting_NeverLands()
    {
        var first = Task.Run(() => _storage.WriteAsync("first", "{}", null, CancellationToken.None));
        await WaitUntilAsync(() => _sessionUses == 1);
        using var cancel = new CancellationTokenSource();
        var cancelled = _storage.WriteAsync("cancelled", "{}", null, cancel.Token);
        var kept = _storage.WriteAsync("kept", "{}", null, CancellationToken.None);

        await cancel.CancelAsync();
        _release.Set();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        await kept;
        await first;
        Assert.Equal(["kept"], (await _storage.ReadAsync(["cancelled", "kept"], CancellationToken.None)).Keys);
    }

    [Fact]
    public async Task WriteAsync_WaitingBatchOnAFullDisk_EveryOperationReportsTheStoreUnavailable()
    {
        var first = Task.Run(() => _storage.WriteAsync("first", "{}", null, CancellationToken.None));
        await WaitUntilAsync(() => _sessionUses == 1);
        _storage.BeforeEachUse = _ => throw new SqliteException("disk full", 13);
        var writes = Enumerable.Range(0, Waiting).Select(i => _storage.WriteAsync($"k{i}", "{}", null, CancellationToken.None)).ToArray();

        _release.Set();
        await first;

        foreach (var write in writes)
        {
            await Assert.ThrowsAsync<StorageUnavailableException>(() => write);
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out");
            await Task.Delay(5);
        }
    }
}
