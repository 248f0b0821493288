using System.Runtime.CompilerServices;
using Microsoft.Azure.Cosmos;

namespace BackCareBot.Storage.Cosmos;

/// <summary>The seam's real side: straight calls on an SDK container.</summary>
internal sealed class CosmosContainerItemStore(Container container) : ICosmosItemStore
{
    public async Task<CosmosItem> ReadItemAsync(string id, PartitionKey partitionKey, CancellationToken cancellationToken)
    {
        var response = await container.ReadItemAsync<CosmosStateDocument>(id, partitionKey, cancellationToken: cancellationToken);
        return new CosmosItem(response.Resource, response.ETag);
    }

    public async Task<string> CreateItemAsync(CosmosStateDocument document, PartitionKey partitionKey, ItemRequestOptions options, CancellationToken cancellationToken) =>
        (await container.CreateItemAsync(document, partitionKey, options, cancellationToken)).ETag;

    public async Task<string> ReplaceItemAsync(CosmosStateDocument document, PartitionKey partitionKey, ItemRequestOptions options, CancellationToken cancellationToken) =>
        (await container.ReplaceItemAsync(document, document.Id, partitionKey, options, cancellationToken)).ETag;

    public async Task<string> UpsertItemAsync(CosmosStateDocument document, PartitionKey partitionKey, ItemRequestOptions options, CancellationToken cancellationToken) =>
        (await container.UpsertItemAsync(document, partitionKey, options, cancellationToken)).ETag;

    public async Task DeleteItemAsync(string id, PartitionKey partitionKey, ItemRequestOptions options, CancellationToken cancellationToken)
    {
        using var response = await container.DeleteItemStreamAsync(id, partitionKey, options, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new CosmosException(response.ErrorMessage ?? "Delete failed.", response.StatusCode, 0, response.Headers.ActivityId, response.Headers.RequestCharge);
        }
    }

    public Task ReadContainerAsync(CancellationToken cancellationToken) =>
        container.ReadContainerAsync(cancellationToken: cancellationToken);

    public async IAsyncEnumerable<CosmosIdleItem> QueryAsync(QueryDefinition query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var iterator = container.GetItemQueryIterator<CosmosIdleItem>(query);
        while (iterator.HasMoreResults)
        {
            foreach (var item in await iterator.ReadNextAsync(cancellationToken))
            {
                yield return item;
            }
        }
    }
}
