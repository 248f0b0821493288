using BackCareBot.Protocol.State;
using BackCareBot.Storage;

namespace BackCareBot.Tests.Faults;

/// <summary>Passes every call to the real store, telling the test when a write found the store unavailable.</summary>
internal sealed class FailureObservingStorage<TStorage>(TStorage inner, Action writeFailed) : IStorage, IExpiringStorage
    where TStorage : IStorage, IExpiringStorage
{
    public Task<IReadOnlyDictionary<string, StoreItem>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken) =>
        inner.ReadAsync(keys, cancellationToken);

    public async Task<string> WriteAsync(string key, string json, string? expectedETag, CancellationToken cancellationToken)
    {
        try
        {
            return await inner.WriteAsync(key, json, expectedETag, cancellationToken);
        }
        catch (StorageUnavailableException)
        {
            writeFailed();
            throw;
        }
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken) => inner.DeleteAsync(key, cancellationToken);

    public Task PingAsync(CancellationToken cancellationToken) => inner.PingAsync(cancellationToken);

    public Task<int> DeleteIdleAsync(DateTimeOffset idleSince, string? keyPrefixOrNull, CancellationToken ct) =>
        inner.DeleteIdleAsync(idleSince, keyPrefixOrNull, ct);
}
