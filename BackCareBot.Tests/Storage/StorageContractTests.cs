using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using BackCareBot.Protocol.State;
using BackCareBot.Storage;

namespace BackCareBot.Tests.Storage;

/// <summary>
/// The behaviour every <see cref="IStorage"/> provider promises. Each provider's test class derives from
/// this and supplies a fresh, empty store per test.
/// </summary>
public abstract class StorageContractTests : IAsyncLifetime
{
    private readonly List<IStorage> _created = [];

    protected ManualTimeProvider Clock { get; } = new(new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero));

    protected IStorage Storage { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await InitializeProviderAsync();
        Storage = await CreateStorageAsync();
    }

    public virtual async Task DisposeAsync()
    {
        foreach (var storage in _created)
        {
            switch (storage)
            {
                case IAsyncDisposable asyncDisposable:
                    await asyncDisposable.DisposeAsync();
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
            }
        }
    }

    /// <summary>Makes a store; within one test, every call must return a store over the same data.</summary>
    protected abstract Task<IStorage> CreateStorageOverSameDataAsync(TimeProvider timeProvider);

    protected virtual Task InitializeProviderAsync() => Task.CompletedTask;

    protected async Task<IStorage> CreateStorageAsync()
    {
        var storage = await CreateStorageOverSameDataAsync(Clock);
        _created.Add(storage);
        return storage;
    }

    [Fact]
    public async Task ReadAsync_MissingKey_IsAbsent()
    {
        var items = await Storage.ReadAsync(["nobody/conversations/none"], CancellationToken.None);

        Assert.Empty(items);
    }

    [Fact]
    public async Task WriteAsync_NewKeyWithNullETag_CreatesDocument()
    {
        var etag = await Storage.WriteAsync("k", """{"a":1}""", null, CancellationToken.None);

        var item = await ReadOneAsync("k");
        Assert.Equal("""{"a":1}""", item.Json);
        Assert.Equal(etag, item.ETag);
        Assert.False(string.IsNullOrEmpty(etag));
    }

    [Fact]
    public async Task WriteAsync_NullETagWhenKeyExists_ThrowsConflictAndKeepsDocument()
    {
        await Storage.WriteAsync("k", """{"v":"first"}""", null, CancellationToken.None);

        await Assert.ThrowsAsync<StorageConflictException>(() => Storage.WriteAsync("k", """{"v":"second"}""", null, CancellationToken.None));
        Assert.Equal("""{"v":"first"}""", (await ReadOneAsync("k")).Json);
    }

    [Fact]
    public async Task WriteAsync_CurrentETag_Replaces()
    {
        var first = await Storage.WriteAsync("k", """{"v":1}""", null, CancellationToken.None);

        var second = await Storage.WriteAsync("k", """{"v":2}""", first, CancellationToken.None);

        var item = await ReadOneAsync("k");
        Assert.Equal("""{"v":2}""", item.Json);
        Assert.Equal(second, item.ETag);
    }

    [Fact]
    public async Task WriteAsync_StaleETag_ThrowsConflictAndKeepsDocument()
    {
        var stale = await Storage.WriteAsync("k", """{"v":1}""", null, CancellationToken.None);
        await Storage.WriteAsync("k", """{"v":2}""", stale, CancellationToken.None);

        await Assert.ThrowsAsync<StorageConflictException>(() => Storage.WriteAsync("k", """{"v":3}""", stale, CancellationToken.None));
        Assert.Equal("""{"v":2}""", (await ReadOneAsync("k")).Json);
    }

    [Fact]
    public async Task WriteAsync_ETagOnMissingKey_ThrowsConflict()
    {
        var etag = await Storage.WriteAsync("k", """{"v":1}""", null, CancellationToken.None);
        await Storage.DeleteAsync("k", CancellationToken.None);

        await Assert.ThrowsAsync<StorageConflictException>(() => Storage.WriteAsync("k", """{"v":2}""", etag, CancellationToken.None));
        Assert.Empty(await Storage.ReadAsync(["k"], CancellationToken.None));
    }

    [Fact]
    public async Task WriteAsync_AnyETag_OverwritesExistingAndCreatesMissing()
    {
        await Storage.WriteAsync("existing", """{"v":1}""", null, CancellationToken.None);

        await Storage.WriteAsync("existing", """{"v":2}""", StoreItem.AnyETag, CancellationToken.None);
        await Storage.WriteAsync("missing", """{"v":3}""", StoreItem.AnyETag, CancellationToken.None);

        Assert.Equal("""{"v":2}""", (await ReadOneAsync("existing")).Json);
        Assert.Equal("""{"v":3}""", (await ReadOneAsync("missing")).Json);
    }

    [Fact]
    public async Task WriteAsync_EachWrite_ReturnsNewETag()
    {
        var etags = new List<string> { await Storage.WriteAsync("k", "{}", null, CancellationToken.None) };
        etags.Add(await Storage.WriteAsync("k", "{}", etags[^1], CancellationToken.None));
        etags.Add(await Storage.WriteAsync("k", "{}", StoreItem.AnyETag, CancellationToken.None));
        await Storage.DeleteAsync("k", CancellationToken.None);
        etags.Add(await Storage.WriteAsync("k", "{}", null, CancellationToken.None));

        Assert.Equal(etags.Count, etags.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task DeleteAsync_ExistingKey_ReadFindsNothing()
    {
        await Storage.WriteAsync("k", "{}", null, CancellationToken.None);

        await Storage.DeleteAsync("k", CancellationToken.None);

        Assert.Empty(await Storage.ReadAsync(["k"], CancellationToken.None));
    }

    [Fact]
    public async Task DeleteAsync_MissingKey_DoesNotThrowOrTouchOthers()
    {
        await Storage.WriteAsync("other", "{}", null, CancellationToken.None);

        await Storage.DeleteAsync("missing", CancellationToken.None);

        Assert.Single(await Storage.ReadAsync(["other", "missing"], CancellationToken.None));
    }

    [Fact]
    public async Task ReadAsync_SeveralKeys_ReturnsExactlyThoseThatExist()
    {
        await Storage.WriteAsync("a", """{"n":"a"}""", null, CancellationToken.None);
        await Storage.WriteAsync("b", """{"n":"b"}""", null, CancellationToken.None);
        await Storage.WriteAsync("c", """{"n":"c"}""", null, CancellationToken.None);

        var items = await Storage.ReadAsync(["a", "c", "missing"], CancellationToken.None);

        Assert.Equal(["a", "c"], items.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("""{"n":"a"}""", items["a"].Json);
        Assert.Equal("""{"n":"c"}""", items["c"].Json);
    }

    [Fact]
    public async Task WriteAsync_UnicodeJson_RoundTripsExactly()
    {
        const string json = "{ \"text\" : \"Rückenschmerzen — 腰痛 🩺 \\u00e9\\n\",\n  \"n\": 1.50e2, \"z\":[ ] }";

        await Storage.WriteAsync("k", json, null, CancellationToken.None);

        Assert.Equal(json, (await ReadOneAsync("k")).Json);
    }

    [Fact]
    public async Task WriteAsync_LargeDocument_RoundTripsExactly()
    {
        var json = LargeDocument(200 * 1024);

        var etag = await Storage.WriteAsync("large", json, null, CancellationToken.None);
        await Storage.WriteAsync("large", json + " ", etag, CancellationToken.None);

        Assert.Equal(json + " ", (await ReadOneAsync("large")).Json);
    }

    [Theory]
    [InlineData("msteams/conversations/a:19:meeting_x@thread.v2;messageid=123")]
    [InlineData("webchat/users/dl_4f/9a?x=1#frag\\back")]
    [InlineData("directline/conversations/%_ wild*cards'\"")]
    [InlineData("voice/users/Zoë-腰痛-🩺")]
    public async Task WriteAsync_KeyWithSpecialCharacters_ReadsBackUnderSameKey(string key)
    {
        var etag = await Storage.WriteAsync(key, """{"ok":true}""", null, CancellationToken.None);

        var items = await Storage.ReadAsync([key], CancellationToken.None);

        Assert.Equal(key, Assert.Single(items).Key);
        Assert.Equal(etag, items[key].ETag);
        await Storage.WriteAsync(key, """{"ok":false}""", etag, CancellationToken.None);
        await Storage.DeleteAsync(key, CancellationToken.None);
        Assert.Empty(await Storage.ReadAsync([key], CancellationToken.None));
    }

    [Fact]
    public async Task WriteAsync_ConcurrentReadModifyWrite_LosesNoIncrement()
    {
        const int writers = 12;
        await Storage.WriteAsync("counter", """{"count":0}""", null, CancellationToken.None);

        await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(() => IncrementAsync(Storage, "counter"))));

        Assert.Equal(writers, CountIn(await ReadOneAsync("counter")));
    }

    [Fact]
    public async Task PingAsync_ReachableStore_Completes()
    {
        await Storage.PingAsync(CancellationToken.None);

        await Storage.WriteAsync("k", "{}", null, CancellationToken.None);
        Assert.Single(await Storage.ReadAsync(["k"], CancellationToken.None));
    }

    [Fact]
    public async Task DeleteIdleAsync_DocumentsOlderThanCutoff_AreDeletedAndCounted()
    {
        await Storage.WriteAsync("old-1", "{}", null, CancellationToken.None);
        await Storage.WriteAsync("old-2", "{}", null, CancellationToken.None);
        Clock.Advance(TimeSpan.FromHours(2));
        var cutoff = Clock.GetUtcNow();
        Clock.Advance(TimeSpan.FromMinutes(1));
        await Storage.WriteAsync("recent", "{}", null, CancellationToken.None);

        var deleted = await Expiring.DeleteIdleAsync(cutoff, null, CancellationToken.None);

        Assert.Equal(2, deleted);
        Assert.Equal(["recent"], (await Storage.ReadAsync(["old-1", "old-2", "recent"], CancellationToken.None)).Keys);
    }

    [Fact]
    public async Task DeleteIdleAsync_RewrittenDocument_CountsFromLastWrite()
    {
        var etag = await Storage.WriteAsync("k", "{}", null, CancellationToken.None);
        Clock.Advance(TimeSpan.FromHours(2));
        await Storage.WriteAsync("k", """{"again":1}""", etag, CancellationToken.None);

        var deleted = await Expiring.DeleteIdleAsync(Clock.GetUtcNow() - TimeSpan.FromHours(1), null, CancellationToken.None);

        Assert.Equal(0, deleted);
        Assert.Single(await Storage.ReadAsync(["k"], CancellationToken.None));
    }

    [Fact]
    public async Task DeleteIdleAsync_WithPrefix_DeletesOnlyMatchingKeys()
    {
        await Storage.WriteAsync("webchat/conversations/1", "{}", null, CancellationToken.None);
        await Storage.WriteAsync("webchat/users/1", "{}", null, CancellationToken.None);
        await Storage.WriteAsync("webchat%conversations/2", "{}", null, CancellationToken.None);
        Clock.Advance(TimeSpan.FromDays(1));

        var deleted = await Expiring.DeleteIdleAsync(Clock.GetUtcNow(), "webchat/conversations/", CancellationToken.None);

        Assert.Equal(1, deleted);
        var left = await Storage.ReadAsync(["webchat/conversations/1", "webchat/users/1", "webchat%conversations/2"], CancellationToken.None);
        Assert.Equal(["webchat%conversations/2", "webchat/users/1"], left.Keys.Order(StringComparer.Ordinal));
    }

    protected IExpiringStorage Expiring => Assert.IsAssignableFrom<IExpiringStorage>(Storage);

    protected static async Task IncrementAsync(IStorage storage, string key)
    {
        while (true)
        {
            var current = (await storage.ReadAsync([key], CancellationToken.None))[key];
            var next = new JsonObject { ["count"] = CountIn(current) + 1 }.ToJsonString();
            try
            {
                await storage.WriteAsync(key, next, current.ETag, CancellationToken.None);
                return;
            }
            catch (StorageConflictException)
            {
                // Someone else won this round; read their value and try again.
            }
        }
    }

    protected static int CountIn(StoreItem item) => JsonNode.Parse(item.Json)!["count"]!.GetValue<int>();

    protected async Task<StoreItem> ReadOneAsync(string key)
    {
        var items = await Storage.ReadAsync([key], CancellationToken.None);
        return Assert.Contains(key, items);
    }

    private static string LargeDocument(int approximateLength)
    {
        var builder = new StringBuilder("{\"notes\":[");
        for (var i = 0; builder.Length < approximateLength; i++)
        {
            builder.Append(CultureInfo.InvariantCulture, $"{(i == 0 ? "" : ",")}{{\"i\":{i},\"t\":\"Schmerz im unteren Rücken, Stufe {i % 10} ✓\"}}");
        }

        return builder.Append("]}").ToString();
    }
}
