using Microsoft.Azure.Cosmos;

namespace BackCareBot.Storage.Cosmos;

/// <summary>
/// The few container calls <see cref="CosmosStorage"/> makes, kept behind a seam so the mapping from
/// storage operations to Cosmos requests can be tested without an account or emulator. Failures surface
/// as <see cref="CosmosException"/> exactly as the SDK throws them.
/// </summary>
internal interface ICosmosItemStore
{
    Task<CosmosItem> ReadItemAsync(string id, PartitionKey partitionKey, CancellationToken cancellationToken);

    /// <summary>Each write returns the new ETag.</summary>
    Task<string> CreateItemAsync(CosmosStateDocument document, PartitionKey partitionKey, ItemRequestOptions options, CancellationToken cancellationToken);

    Task<string> ReplaceItemAsync(CosmosStateDocument document, PartitionKey partitionKey, ItemRequestOptions options, CancellationToken cancellationToken);

    Task<string> UpsertItemAsync(CosmosStateDocument document, PartitionKey partitionKey, ItemRequestOptions options, CancellationToken cancellationToken);

    Task DeleteItemAsync(string id, PartitionKey partitionKey, ItemRequestOptions options, CancellationToken cancellationToken);

    Task ReadContainerAsync(CancellationToken cancellationToken);

    IAsyncEnumerable<CosmosIdleItem> QueryAsync(QueryDefinition query, CancellationToken cancellationToken);
}
