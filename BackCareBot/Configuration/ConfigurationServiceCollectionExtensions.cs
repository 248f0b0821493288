using Microsoft.Extensions.Options;

namespace BackCareBot.Configuration;

internal static class ConfigurationServiceCollectionExtensions
{
    /// <summary>Binds the Azure Bot identity settings (root keys, as Azure App Service sets them) and checks them at start-up.</summary>
    public static IServiceCollection AddBotIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BotIdentityOptions>().Bind(configuration).ValidateOnStart();
        services.AddSingleton<IValidateOptions<BotIdentityOptions>, BotIdentityOptionsValidator>();
        services.AddSingleton(TimeProvider.System);
        return services;
    }
}
