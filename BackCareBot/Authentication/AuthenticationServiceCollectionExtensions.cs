using BackCareBot.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace BackCareBot.Authentication;

public static class AuthenticationServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IBotRequestAuthenticator"/>, its options (section "BotAuthentication", validated at start-up),
    /// the bot identity (root keys MicrosoftAppType, MicrosoftAppId, MicrosoftAppPassword, MicrosoftAppTenantId) and a
    /// start-up warning when the bot runs unauthenticated.
    /// </summary>
    public static IServiceCollection AddBotAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BotIdentityOptions>().Bind(configuration);
        services.AddOptions<BotAuthenticationOptions>()
            .Bind(configuration.GetSection(BotAuthenticationOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BotAuthenticationOptions>, BotAuthenticationOptionsValidator>());

        services.AddHttpClient(HttpClientFactoryDocumentRetriever.HttpClientName)
            .ConfigureHttpClient((provider, client) =>
            {
                client.Timeout = provider.GetRequiredService<IOptions<BotAuthenticationOptions>>().Value.MetadataFetchTimeout;
                // Metadata and key sets are a few kilobytes; refuse to buffer anything much larger.
                client.MaxResponseContentBufferSize = 1024 * 1024;
            });

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IBotRequestAuthenticator, BotRequestAuthenticator>();
        services.AddHostedService<LocalDevelopmentWarning>();
        return services;
    }
}
