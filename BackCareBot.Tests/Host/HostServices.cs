using BackCareBot.Protocol.State;
using BackCareBot.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace BackCareBot.Tests.Host;

/// <summary>Service replacements the host tests make through <see cref="Functional.BotApplicationFactory.WithServices"/>.</summary>
internal static class HostServices
{
    /// <summary>Makes <paramref name="storage"/> the host's state store, for the bot and the retention job alike.</summary>
    public static void UseStorage(this IServiceCollection services, FaultyStorage storage)
    {
        services.AddSingleton<IStorage>(storage);
        services.AddSingleton<IExpiringStorage>(storage);
    }
}
