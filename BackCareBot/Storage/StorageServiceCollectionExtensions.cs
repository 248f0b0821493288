using BackCareBot.Protocol.State;
using BackCareBot.Storage.Cosmos;
using BackCareBot.Storage.Postgres;
using BackCareBot.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace BackCareBot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the configured <see cref="IStorage"/> as a singleton, the same instance as
    /// <see cref="IExpiringStorage"/>, with the "Storage" section validated at start-up.
    /// </summary>
    public static IServiceCollection AddBotStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(CreateStorage);
        services.TryAddSingleton(sp => (IExpiringStorage)sp.GetRequiredService<IStorage>());
        return services;
    }

    private static IStorage CreateStorage(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        var timeProvider = services.GetRequiredService<TimeProvider>();
        return options.Provider switch
        {
            StorageProvider.Memory => new ExpiringMemoryStorage(timeProvider),
            StorageProvider.Sqlite => SqliteStorage.InDirectory(ResolveDataDirectory(services, options.DataDirectory), timeProvider, options.Sqlite.BusyTimeout),
            StorageProvider.Postgres => new PostgresStorage(options.ConnectionString!, options.Postgres.TableName, timeProvider),
            StorageProvider.Cosmos => CosmosStorage.Connect(options.ConnectionString!, options.Cosmos.Database, options.Cosmos.Container, timeProvider),
            _ => throw new InvalidOperationException($"Storage:Provider {options.Provider} is not available in this build."),
        };
    }

    private static string ResolveDataDirectory(IServiceProvider services, string dataDirectory)
    {
        var contentRoot = services.GetService<IHostEnvironment>()?.ContentRootPath ?? Directory.GetCurrentDirectory();
        return Path.GetFullPath(dataDirectory, contentRoot);
    }
}
