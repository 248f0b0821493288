using BackCareBot.Protocol.State;
using BackCareBot.Storage;

namespace BackCareBot.Tests.Host;

/// <summary>In-memory state that can be told to fail: reads or writes of one key, or every ping, until it recovers.</summary>
internal sealed class FaultyStorage : IStorage, IExpiringStorage
{
    private readonly ExpiringMemoryStorage _inner = new(TimeProvider.System);
    private volatile string? _failingKey;
    private volatile string? _failingWriteKey;
    private volatile bool _failPings;

    public void FailReadsOf(string key) => _failingKey = key;

    public void FailWritesOf(string key) => _failingWriteKey = key;

    public void FailPings() => _failPings = true;

    public void Recover()
    {
        _failingKey = null;
        _failingWriteKey = null;
        _failPings = false;
    }

    public Task<IReadOnlyDictionary<string, StoreItem>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken) =>
        _failingKey is { } failing && keys.Contains(failing)
            ? throw new StorageUnavailableException("The state store is unreachable.")
            : _inner.ReadAsync(keys, cancellationToken);

    public Task<string> WriteAsync(string key, string json, string? expectedETag, CancellationToken cancellationToken) =>
        key == _failingWriteKey
            ? throw new StorageUnavailableException("The state store is unreachable.")
            : _inner.WriteAsync(key, json, expectedETag, cancellationToken);

    public Task DeleteAsync(string key, CancellationToken cancellationToken) => _inner.DeleteAsync(key, cancellationToken);

    public Task PingAsync(CancellationToken cancellationToken) =>
        _failPings ? throw new StorageUnavailableException("The state store is unreachable.") : _inner.PingAsync(cancellationToken);

    public Task<int> DeleteIdleAsync(DateTimeOffset idleSince, string? keyPrefixOrNull, CancellationToken ct) =>
        _inner.DeleteIdleAsync(idleSince, keyPrefixOrNull, ct);
}
