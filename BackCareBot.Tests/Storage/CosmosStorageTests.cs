using System.Net;
using System.Text;
using System.Text.Json;
using BackCareBot.Protocol.State;
using BackCareBot.Storage.Cosmos;
using Microsoft.Azure.Cosmos;

namespace BackCareBot.Tests.Storage;

public sealed class CosmosStorageTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly FakeCosmosItemStore _container = new();
    private readonly CosmosStorage _storage;

    public CosmosStorageTests() => _storage = new CosmosStorage(_container, new ManualTimeProvider(Now), ownedClient: null);

    [Theory]
    [InlineData("msteams/conversations/19:abc@thread.v2;messageid=1")]
    [InlineData("a\\b?c#d*e/f")]
    [InlineData("**2f*/")]
    [InlineData("plain-key")]
    [InlineData("voice/users/Zoë-腰痛-🩺")]
    public void ToId_AnyKey_HasNoForbiddenCharactersAndUnescapesToKey(string key)
    {
        var id = CosmosKeyEscaper.ToId(key);

        Assert.Equal(-1, id.IndexOfAny(['/', '\\', '?', '#']));
        Assert.Equal(key, Unescape(id));
    }

    [Fact]
    public void ToId_KeysDifferingOnlyInEscapedCharacters_GiveDistinctIds()
    {
        string[] keys = ["a/b", "a*2fb", "a\\b", "a?b", "a#b", "a*b", "a*2ab"];

        var ids = keys.Select(CosmosKeyEscaper.ToId).ToList();

        Assert.Equal(keys.Length, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void ToId_VeryLongKey_FitsCosmosLimitAndDiffersFromSimilarKey()
    {
        var key = "webchat/conversations/" + new string('x', 400);

        var id = CosmosKeyEscaper.ToId(key);

        Assert.True(id.Length <= CosmosKeyEscaper.MaxIdLength);
        Assert.NotEqual(id, CosmosKeyEscaper.ToId(key + "y"));
        Assert.Equal(-1, id.IndexOfAny(['/', '\\', '?', '#']));
    }

    [Fact]
    public async Task WriteAsync_NewKey_StoresEscapedIdRealKeyExactJsonAndTime()
    {
        const string json = "{ \"n\": 1.50 }";

        await _storage.WriteAsync("webchat/users/u1", json, null, CancellationToken.None);

        var document = Assert.Single(_container.Items).Value.Document;
        Assert.Equal(new CosmosStateDocument("webchat*2fusers*2fu1", "webchat/users/u1", json, Now.ToUnixTimeMilliseconds()), document);
    }

    [Fact]
    public void Document_Serialized_HasCosmosFieldNames()
    {
        var document = new CosmosStateDocument("a*2fb", "a/b", """{"x":1}""", 42);

        var serialized = JsonSerializer.Serialize(document);

        Assert.Equal("""{"id":"a*2fb","realId":"a/b","document":"{\u0022x\u0022:1}","updatedAt":42}""", serialized);
    }

    [Fact]
    public async Task WriteAsync_EachCondition_UsesMatchingCosmosRequest()
    {
        var etag = await _storage.WriteAsync("a/b", "{}", null, CancellationToken.None);
        await _storage.WriteAsync("a/b", "{}", etag, CancellationToken.None);
        await _storage.WriteAsync("a/b", "{}", StoreItem.AnyETag, CancellationToken.None);

        var requests = _container.Requests.ToList();
        Assert.Equal(["create", "replace", "upsert"], requests.Select(r => r.Operation));
        Assert.All(requests, r => Assert.Equal("a*2fb", r.Id));
        Assert.All(requests, r => Assert.Equal(new PartitionKey("a*2fb").ToString(), r.PartitionKey));
        Assert.Null(requests[0].Options!.IfMatchEtag);
        Assert.Equal(etag, requests[1].Options!.IfMatchEtag);
        Assert.Null(requests[2].Options!.IfMatchEtag);
        Assert.All(requests, r => Assert.False(r.Options!.EnableContentResponseOnWrite));
    }

    [Theory]
    [InlineData(HttpStatusCode.Conflict)]
    [InlineData(HttpStatusCode.PreconditionFailed)]
    [InlineData(HttpStatusCode.NotFound)]
    public async Task WriteAsync_CosmosRejectsCondition_ThrowsStorageConflictWithCause(HttpStatusCode status)
    {
        var storage = new CosmosStorage(new FailingItemStore(status), TimeProvider.System, ownedClient: null);

        var error = await Assert.ThrowsAsync<StorageConflictException>(() => storage.WriteAsync("k", "{}", "\"etag\"", CancellationToken.None));

        Assert.Equal(status, Assert.IsType<CosmosException>(error.InnerException).StatusCode);
    }

    [Fact]
    public async Task WriteAsync_OtherCosmosFailure_IsNotReportedAsConflict()
    {
        var storage = new CosmosStorage(new FailingItemStore(HttpStatusCode.TooManyRequests), TimeProvider.System, ownedClient: null);

        var error = await Assert.ThrowsAsync<CosmosException>(() => storage.WriteAsync("k", "{}", null, CancellationToken.None));

        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
    }

    [Fact]
    public async Task ReadAsync_HashedIdHoldingAnotherKey_IsAbsent()
    {
        var key = "webchat/conversations/" + new string('x', 400);
        var id = CosmosKeyEscaper.ToId(key);
        await _container.CreateItemAsync(new CosmosStateDocument(id, "someone/else", "{}", 0), new PartitionKey(id), new ItemRequestOptions(), CancellationToken.None);

        Assert.Empty(await _storage.ReadAsync([key], CancellationToken.None));
    }

    [Fact]
    public async Task DeleteIdleAsync_WithPrefix_QueriesByRealKeyAndDeletesWithIfMatch()
    {
        var etag = await _storage.WriteAsync("webchat/conversations/1", "{}", null, CancellationToken.None);

        await _storage.DeleteIdleAsync(Now.AddMinutes(1), "webchat/conversations/", CancellationToken.None);

        var requests = _container.Requests.ToList();
        Assert.Contains("STARTSWITH(c.realId, @prefix)", requests.Single(r => r.Operation == "query").Id, StringComparison.Ordinal);
        Assert.Equal(etag, requests.Single(r => r.Operation == "delete").Options!.IfMatchEtag);
    }

    [Fact]
    public async Task PingAsync_Always_ReadsTheContainer()
    {
        await _storage.PingAsync(CancellationToken.None);

        Assert.Equal("readContainer", Assert.Single(_container.Requests).Operation);
    }

    /// <summary>The inverse of the escaping, written independently to prove nothing is lost.</summary>
    private static string Unescape(string id)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < id.Length; i++)
        {
            if (id[i] == '*')
            {
                builder.Append((char)Convert.ToInt32(id.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                builder.Append(id[i]);
            }
        }

        return builder.ToString();
    }

    private sealed class FailingItemStore(HttpStatusCode status) : ICosmosItemStore
    {
        public Task<CosmosItem> ReadItemAsync(string id, PartitionKey partitionKey, CancellationToken cancellationToken) => throw Error();

        public Task<string> CreateItemAsync(CosmosStateDocument document, PartitionKey partitionKey, ItemRequestOptions options, CancellationToken cancellationToken) => throw Error();

        public Task<string> ReplaceItemAsync(CosmosStateDocument document, PartitionKey partitionKey, ItemRequestOptions options, CancellationToken cancellationToken) => throw Error();

        public Task<string> UpsertItemAsync(CosmosStateDocument document, PartitionKey partitionKey, ItemRequestOptions options, CancellationToken cancellationToken) => throw Error();

        public Task DeleteItemAsync(string id, PartitionKey partitionKey, ItemRequestOptions options, CancellationToken cancellationToken) => throw Error();

        public Task ReadContainerAsync(CancellationToken cancellationToken) => throw Error();

        public IAsyncEnumerable<CosmosIdleItem> QueryAsync(QueryDefinition query, CancellationToken cancellationToken) => throw Error();

        private CosmosException Error() => new("Fake", status, 0, "activity", 1);
    }
}
