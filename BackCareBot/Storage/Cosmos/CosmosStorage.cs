using System.Net;
using System.Text.Json;
using BackCareBot.Protocol.State;
using Microsoft.Azure.Cosmos;

namespace BackCareBot.Storage.Cosmos;

/// <summary>
/// State in an Azure Cosmos DB container whose partition key path is "/id", one item per key. ETags
/// are Cosmos DB's own: a create fails with 409 if the item exists, a replace carries If-Match and fails
/// with 412 if someone wrote first, and "*" becomes an upsert.
/// </summary>
/// <remarks>
/// Not integration-tested here: no Cosmos DB account or emulator is reachable from this build, so the
/// tests cover the mapping to requests (ids, item shape, request options, status codes) through
/// <see cref="ICosmosItemStore"/> only.
/// </remarks>
public sealed class CosmosStorage : IStorage, IExpiringStorage, IDisposable
{
    private static readonly ItemRequestOptions UnconditionalWrite = new() { EnableContentResponseOnWrite = false };

    private readonly ICosmosItemStore _items;
    private readonly TimeProvider _timeProvider;
    private readonly CosmosClient? _ownedClient;

    public CosmosStorage(Container container, TimeProvider timeProvider)
        : this(new CosmosContainerItemStore(container), timeProvider, ownedClient: null)
    {
    }

    internal CosmosStorage(ICosmosItemStore items, TimeProvider timeProvider, CosmosClient? ownedClient)
    {
        _items = items;
        _timeProvider = timeProvider;
        _ownedClient = ownedClient;
    }

    /// <summary>A store over <paramref name="databaseName"/>/<paramref name="containerName"/>, owning its client.</summary>
    public static CosmosStorage Connect(string connectionString, string databaseName, string containerName, TimeProvider timeProvider)
    {
        var client = new CosmosClient(connectionString, new CosmosClientOptions
        {
            ApplicationName = "BackCareBot",
            UseSystemTextJsonSerializerWithOptions = new JsonSerializerOptions(JsonSerializerDefaults.General),
        });
        return new CosmosStorage(new CosmosContainerItemStore(client.GetContainer(databaseName, containerName)), timeProvider, client);
    }

    public async Task<IReadOnlyDictionary<string, StoreItem>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        var reads = await Task.WhenAll(keys.Select(key => ReadOneAsync(key, cancellationToken)));
        var result = new Dictionary<string, StoreItem>(keys.Count, StringComparer.Ordinal);
        foreach (var (key, item) in reads)
        {
            if (item is not null)
            {
                result[key] = item;
            }
        }

        return result;
    }

    public async Task<string> WriteAsync(string key, string json, string? expectedETag, CancellationToken cancellationToken)
    {
        var id = CosmosKeyEscaper.ToId(key);
        var document = new CosmosStateDocument(id, key, json, _timeProvider.GetUtcNow().ToUnixTimeMilliseconds());
        var partitionKey = new PartitionKey(id);
        try
        {
            return expectedETag switch
            {
                null => await _items.CreateItemAsync(document, partitionKey, UnconditionalWrite, cancellationToken),
                StoreItem.AnyETag => await _items.UpsertItemAsync(document, partitionKey, UnconditionalWrite, cancellationToken),
                _ => await _items.ReplaceItemAsync(document, partitionKey, IfMatch(expectedETag), cancellationToken),
            };
        }
        catch (CosmosException e) when (e.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.PreconditionFailed or HttpStatusCode.NotFound)
        {
            // NotFound: a replace of an item deleted since it was read, which is a lost race too.
            throw new StorageConflictException($"The stored document changed since it was read (key hash {KeyHash.Of(key)}).", e);
        }
    }

    public async Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        var id = CosmosKeyEscaper.ToId(key);
        try
        {
            await _items.DeleteItemAsync(id, new PartitionKey(id), UnconditionalWrite, cancellationToken);
        }
        catch (CosmosException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            // Already gone is what the caller wanted.
        }
    }

    public Task PingAsync(CancellationToken cancellationToken) => _items.ReadContainerAsync(cancellationToken);

    /// <summary>Uses a cross-partition query, so it belongs in a background job, not a turn.</summary>
    public async Task<int> DeleteIdleAsync(DateTimeOffset idleSince, string? keyPrefixOrNull, CancellationToken ct)
    {
        var query = new QueryDefinition(
                keyPrefixOrNull is null
                    ? "SELECT c.id, c._etag FROM c WHERE c.updatedAt < @before"
                    : "SELECT c.id, c._etag FROM c WHERE c.updatedAt < @before AND STARTSWITH(c.realId, @prefix)")
            .WithParameter("@before", idleSince.ToUnixTimeMilliseconds());
        if (keyPrefixOrNull is not null)
        {
            query = query.WithParameter("@prefix", keyPrefixOrNull);
        }

        var deleted = 0;
        await foreach (var item in _items.QueryAsync(query, ct))
        {
            try
            {
                // If-Match spares an item written again after the query saw it.
                await _items.DeleteItemAsync(item.Id, new PartitionKey(item.Id), IfMatch(item.ETag), ct);
                deleted++;
            }
            catch (CosmosException e) when (e.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.PreconditionFailed)
            {
                // Removed or revived meanwhile; either way not ours to delete.
            }
        }

        return deleted;
    }

    public void Dispose() => _ownedClient?.Dispose();

    private static ItemRequestOptions IfMatch(string etag) => new() { IfMatchEtag = etag, EnableContentResponseOnWrite = false };

    private async Task<(string Key, StoreItem? Item)> ReadOneAsync(string key, CancellationToken cancellationToken)
    {
        var id = CosmosKeyEscaper.ToId(key);
        try
        {
            var item = await _items.ReadItemAsync(id, new PartitionKey(id), cancellationToken);

            // Only a hashed long id could be shared by two keys; the stored key settles which one it is.
            return item.Document.Key == key ? (key, new StoreItem(item.Document.Json, item.ETag)) : (key, null);
        }
        catch (CosmosException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return (key, null);
        }
    }
}
