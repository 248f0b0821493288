using BackCareBot.Protocol.State;
using BackCareBot.Storage.Cosmos;

namespace BackCareBot.Tests.Storage;

/// <summary>
/// The shared contract against <see cref="CosmosStorage"/> over a fake container that answers with Cosmos
/// DB's status codes. It checks our mapping, not the service: there is no emulator here.
/// </summary>
public sealed class CosmosStorageContractTests : StorageContractTests
{
    private readonly FakeCosmosItemStore _container = new();

    protected override Task<IStorage> CreateStorageOverSameDataAsync(TimeProvider timeProvider) =>
        Task.FromResult<IStorage>(new CosmosStorage(_container, timeProvider, ownedClient: null));
}
