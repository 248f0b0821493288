using BackCareBot.Protocol.State;
using BackCareBot.Storage;

namespace BackCareBot.Tests.Storage;

public sealed class ExpiringMemoryStorageContractTests : StorageContractTests
{
    private ExpiringMemoryStorage? _storage;

    protected override Task<IStorage> CreateStorageOverSameDataAsync(TimeProvider timeProvider) =>
        Task.FromResult<IStorage>(_storage ??= new ExpiringMemoryStorage(timeProvider));
}
