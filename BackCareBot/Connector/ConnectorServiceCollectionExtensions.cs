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
            .Validate(options => options.Validate().Count == 0, "The Connector settings are out of range (see ConnectorOptions.Validate).")
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ConnectorResiliencePipeline>();

        // Without an app id (local development) nothing is signed; otherwise one MSAL app serves the whole process.
        services.TryAddSingleton<IBotTokenProvider>(provider =>
            provider.GetRequiredService<IOptions<BotIdentityOptions>>().Value.IsLocalDevelopment
                ? new NullBotTokenProvider()
                : ActivatorUtilities.CreateInstance<MsalBotTokenProvider>(provider));

        // The retry pipeline times each attempt, so HttpClient's own overall timeout must not cut in first.
        services.AddHttpClient<IConnectorClient, ConnectorClient>(http => http.Timeout = Timeout.InfiniteTimeSpan);
        services.TryAddTransient<ConnectorActivitySender>();
        return services;
    }
}
