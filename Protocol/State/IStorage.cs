namespace BackCareBot.Protocol.State;

/// <summary>
/// A key/value store of JSON documents with optimistic concurrency. Every provider (memory, SQLite,
/// PostgreSQL, Cosmos DB) passes the same contract tests.
/// </summary>
public interface IStorage
{
    /// <summary>Reads the documents that exist; missing keys are simply absent from the result.</summary>
    Task<IReadOnlyDictionary<string, StoreItem>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken);

    /// <summary>
    /// Writes one document and returns its new ETag. <paramref name="expectedETag"/> is null to create a
    /// document that must not exist yet, <see cref="StoreItem.AnyETag"/> to overwrite unconditionally, or the
    /// ETag last read. Throws <see cref="StorageConflictException"/> when the condition does not hold.
    /// </summary>
    Task<string> WriteAsync(string key, string json, string? expectedETag, CancellationToken cancellationToken);

    /// <summary>Deletes a document; deleting a missing one is not an error.</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken);

    /// <summary>Throws when the store cannot be reached; used by the health check.</summary>
    Task PingAsync(CancellationToken cancellationToken);
}
