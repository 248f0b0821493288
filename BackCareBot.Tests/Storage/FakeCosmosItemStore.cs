using System.Collections.Concurrent;
using System.Net;
using System.Runtime.CompilerServices;
using BackCareBot.Storage.Cosmos;
using Microsoft.Azure.Cosmos;

namespace BackCareBot.Tests.Storage;

/// <summary>
/// A container that answers as Cosmos DB does (409 on create of an existing id, 412 on a failed
/// If-Match, 404 on a missing item) and records every request, so the storage's mapping can be checked.
/// </summary>
internal sealed class FakeCosmosItemStore : ICosmosItemStore
{
    private readonly ConcurrentDictionary<string, CosmosItem> _items = new(StringComparer.Ordinal);
    private long _version;

    public ConcurrentQueue<(string Operation, string Id, string? PartitionKey, ItemRequestOptions? Options)> Requests { get; } = new();

    public IReadOnlyDictionary<string, CosmosItem> Items => _items;

    public Task<CosmosItem> ReadItemAsync(string id, PartitionKey partitionKey, CancellationToken cancellationToken)
    {
        Record("read", id, partitionKey, null);
        return _items.TryGetValue(id, out var item) ? Task.FromResult(item) : throw Error(HttpStatusCode.NotFound);
    }

    public Task<string> CreateItemAsync(CosmosStateDocument document, PartitionKey partitionKey, ItemRequestOptions options, CancellationToken cancellationToken)
    {
        Record("create", document.Id, partitionKey, options);
        var item = NewVersion(document);
        return _items.TryAdd(document.Id, item) ? Task.FromResult(item.ETag) : throw Error(HttpStatusCode.Conflict);
    }

    public Task<string> ReplaceItemAsync(CosmosStateDocument document, PartitionKey partitionKey, ItemRequestOptions options, CancellationToken cancellationToken)
    {
        Record("replace", document.Id, partitionKey, options);
        if (!_items.TryGetValue(document.Id, out var current))
        {
            throw Error(HttpStatusCode.NotFound);
        }

        var item = NewVersion(document);
        var matches = options.IfMatchEtag is null || options.IfMatchEtag == current.ETag;
        return matches && _items.TryUpdate(document.Id, item, current) ? Task.FromResult(item.ETag) : throw Error(HttpStatusCode.PreconditionFailed);
    }

    public Task<string> UpsertItemAsync(CosmosStateDocument document, PartitionKey partitionKey, ItemRequestOptions options, CancellationToken cancellationToken)
    {
        Record("upsert", document.Id, partitionKey, options);
        var item = NewVersion(document);
        _items[document.Id] = item;
        return Task.FromResult(item.ETag);
    }

    public Task DeleteItemAsync(string id, PartitionKey partitionKey, ItemRequestOptions options, CancellationToken cancellationToken)
    {
        Record("delete", id, partitionKey, options);
        if (!_items.TryGetValue(id, out var current))
        {
            throw Error(HttpStatusCode.NotFound);
        }

        if (options.IfMatchEtag is not null && options.IfMatchEtag != current.ETag)
        {
            throw Error(HttpStatusCode.PreconditionFailed);
        }

        _items.TryRemove(KeyValuePair.Create(id, current));
        return Task.CompletedTask;
    }

    public Task ReadContainerAsync(CancellationToken cancellationToken)
    {
        Record("readContainer", string.Empty, null, null);
        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<CosmosIdleItem> QueryAsync(QueryDefinition query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Record("query", query.QueryText, null, null);
        var parameters = query.GetQueryParameters().ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
        var before = (long)parameters["@before"];
        var prefix = parameters.GetValueOrDefault("@prefix") as string;
        foreach (var item in _items.Values.ToList())
        {
            if (item.Document.UpdatedAtUnixMilliseconds < before && (prefix is null || item.Document.Key.StartsWith(prefix, StringComparison.Ordinal)))
            {
                await Task.Yield();
                yield return new CosmosIdleItem(item.Document.Id, item.ETag);
            }
        }
    }

    private static CosmosException Error(HttpStatusCode status) => new($"Fake {(int)status}", status, 0, Guid.NewGuid().ToString(), 1);

    private CosmosItem NewVersion(CosmosStateDocument document) =>
        new(document, $"\"{Interlocked.Increment(ref _version):x8}-0000\"");

    private void Record(string operation, string id, PartitionKey? partitionKey, ItemRequestOptions? options) =>
        Requests.Enqueue((operation, id, partitionKey?.ToString(), options));
}
