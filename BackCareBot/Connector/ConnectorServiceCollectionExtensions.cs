using BackCareBot.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace BackCareBot.Connector;

/// <summary>Wires the outbound Bot Connector client. Expects <see cref="BotIdentityOptions"/> to be bound by the host.</summary>
public static class ConnectorServiceCollectionExtensions
{
    public static IServiceCollection AddBotConnector(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ConnectorOptions>()
            .Bind(configuration.GetSection(ConnectorOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ConnectorOptions>, ConnectorOptionsValidator>());

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ConnectorResiliencePipeline>();

        // Without an app id (local development) nothing is signed; otherwise one MSAL app serves the whole process.
        services.TryAddSingleton<IBotTokenProvider>(provider =>
            provider.GetRequiredService<IOptions<BotIdentityOptions>>().Value.IsLocalDevelopment
                ? new NullBotTokenProvider()
                : ActivatorUtilities.CreateInstance<MsalBotTokenProvider>(provider));

        // The retry pipeline times each attempt, so HttpClient's own overall timeout must not cut in first.
        // The client's default logging writes each request URI, which holds the conversation id; ConnectorLog logs without it.
        services.AddHttpClient<IConnectorClient, ConnectorClient>(http => http.Timeout = Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers();
        services.TryAddTransient<ConnectorActivitySender>();
        return services;
    }
}
