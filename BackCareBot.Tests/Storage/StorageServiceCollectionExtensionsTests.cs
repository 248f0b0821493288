using BackCareBot.Protocol.State;
using BackCareBot.Storage;
using BackCareBot.Storage.Cosmos;
using BackCareBot.Storage.Postgres;
using BackCareBot.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace BackCareBot.Tests.Storage;

public sealed class StorageServiceCollectionExtensionsTests : IDisposable
{
    private readonly string _contentRoot = Path.Combine(Path.GetTempPath(), "bcb-di-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_contentRoot))
        {
            Directory.Delete(_contentRoot, recursive: true);
        }
    }

    [Fact]
    public void AddBotStorage_NoSettings_UsesSqliteInDataFolderUnderContentRoot()
    {
        using var services = Build([]);

        var storage = Assert.IsType<SqliteStorage>(services.GetRequiredService<IStorage>());

        Assert.Equal(Path.Combine(_contentRoot, "data", SqliteStorage.FileName), storage.DatabasePath);
        Assert.Same(storage, services.GetRequiredService<IExpiringStorage>());
    }

    [Fact]
    public void AddBotStorage_MemoryProvider_RegistersExpiringMemoryStorage()
    {
        using var services = Build(new() { ["Storage:Provider"] = "memory" });

        var storage = services.GetRequiredService<IStorage>();

        Assert.IsType<ExpiringMemoryStorage>(storage);
        Assert.Same(storage, services.GetRequiredService<IStorage>());
        Assert.False(Directory.Exists(Path.Combine(_contentRoot, "data")));
    }

    [Fact]
    public async Task AddBotStorage_PostgresProvider_RegistersPostgresStorageWithoutConnectingYet()
    {
        await using var services = Build(new()
        {
            ["Storage:Provider"] = "Postgres",
            ["Storage:ConnectionString"] = "Host=127.0.0.1;Port=1;Username=nobody",
        });

        var storage = services.GetRequiredService<IStorage>();

        Assert.IsType<PostgresStorage>(storage);
        Assert.Same(storage, services.GetRequiredService<IExpiringStorage>());
    }

    [Fact]
    public async Task AddBotStorage_CosmosProvider_RegistersCosmosStorageWithoutConnectingYet()
    {
        await using var services = Build(new()
        {
            ["Storage:Provider"] = "Cosmos",
            ["Storage:ConnectionString"] = "AccountEndpoint=https://127.0.0.1:8081/;AccountKey=a2V5a2V5a2V5a2V5;",
        });

        var storage = services.GetRequiredService<IStorage>();

        Assert.IsType<CosmosStorage>(storage);
        Assert.Same(storage, services.GetRequiredService<IExpiringStorage>());
    }

    [Fact]
    public void AddBotStorage_AbsoluteDataDirectory_IsUsedAsIs()
    {
        var folder = Path.Combine(_contentRoot, "elsewhere");
        using var services = Build(new() { ["Storage:DataDirectory"] = folder });

        var storage = Assert.IsType<SqliteStorage>(services.GetRequiredService<IStorage>());

        Assert.Equal(Path.Combine(folder, SqliteStorage.FileName), storage.DatabasePath);
    }

    [Theory]
    [InlineData("Postgres", "Storage:ConnectionString is required when Storage:Provider is Postgres")]
    [InlineData("Cosmos", "Storage:ConnectionString is required when Storage:Provider is Cosmos")]
    public void AddBotStorage_ServerProviderWithoutConnectionString_FailsValidationNamingTheKey(string provider, string expected)
    {
        using var services = Build(new() { ["Storage:Provider"] = provider });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<StorageOptions>>().Value);

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bot state")]
    [InlineData("state; DROP TABLE x")]
    [InlineData("BotState")]
    [InlineData("")]
    public void AddBotStorage_PostgresTableNameNotAPlainIdentifier_FailsValidation(string tableName)
    {
        using var services = Build(new()
        {
            ["Storage:Provider"] = "Postgres",
            ["Storage:ConnectionString"] = "Host=127.0.0.1",
            ["Storage:Postgres:TableName"] = tableName,
        });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<StorageOptions>>().Value);

        Assert.Contains("Storage:Postgres:TableName", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddBotStorage_CosmosWithoutContainer_FailsValidation()
    {
        using var services = Build(new()
        {
            ["Storage:Provider"] = "Cosmos",
            ["Storage:ConnectionString"] = "AccountEndpoint=https://127.0.0.1:8081/;AccountKey=a2V5;",
            ["Storage:Cosmos:Container"] = " ",
        });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<StorageOptions>>().Value);

        Assert.Contains("Storage:Cosmos:Container is required", error.Message, StringComparison.Ordinal);
    }

    private ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IHostEnvironment>(new TestHostEnvironment(_contentRoot));
        services.AddBotStorage(configuration);
        return services.BuildServiceProvider();
    }

    private sealed class TestHostEnvironment(string contentRoot) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Development";

        public string ApplicationName { get; set; } = "BackCareBot";

        public string ContentRootPath { get; set; } = contentRoot;

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } =
            new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}
