using System.Net;
using BackCareBot.Tests.Functional;

namespace BackCareBot.Tests.Host;

/// <summary>/healthz follows the state store: without it no conversation can move on.</summary>
public sealed class HealthEndpointTests : IAsyncLifetime
{
    private static readonly Uri Healthz = new("/healthz", UriKind.Relative);

    private readonly FaultyStorage _storage = new();
    private BotApplicationFactory _factory = null!;

    public Task InitializeAsync()
    {
        _factory = new BotApplicationFactory().WithServices(services => services.UseStorage(_storage));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Get_StorageAnswers_200Healthy()
    {
        using var client = _factory.CreateClient();

        using var response = await client.GetAsync(Healthz);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Get_StoragePingThrows_503Unhealthy()
    {
        using var client = _factory.CreateClient();
        _storage.FailPings();

        using var response = await client.GetAsync(Healthz);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Unhealthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Get_SqliteStoreInATempFolder_200Healthy()
    {
        var folder = Directory.CreateTempSubdirectory("backcarebot-health-").FullName;
        try
        {
            await using var factory = new BotApplicationFactory().With("Storage:Provider", "Sqlite").With("Storage:DataDirectory", folder);
            using var client = factory.CreateClient();

            using var response = await client.GetAsync(Healthz);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
