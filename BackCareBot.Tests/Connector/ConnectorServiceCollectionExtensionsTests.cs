using BackCareBot.Configuration;
using BackCareBot.Connector;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BackCareBot.Tests.Connector;

public sealed class ConnectorServiceCollectionExtensionsTests
{
    [Fact]
    public void AddBotConnector_NoAppId_UsesNullTokenProvider()
    {
        using var provider = Build(new Dictionary<string, string?>());

        Assert.IsType<NullBotTokenProvider>(provider.GetRequiredService<IBotTokenProvider>());
        Assert.NotNull(provider.GetRequiredService<ConnectorActivitySender>());
        Assert.IsType<ConnectorClient>(provider.GetRequiredService<IConnectorClient>());
    }

    [Fact]
    public void AddBotConnector_SingleTenantIdentity_UsesMsalTokenProvider()
    {
        using var provider = Build(new Dictionary<string, string?>
        {
            ["MicrosoftAppType"] = "SingleTenant",
            ["MicrosoftAppId"] = "app-id",
            ["MicrosoftAppPassword"] = "secret",
            ["MicrosoftAppTenantId"] = "contoso-tenant",
        });

        var tokens = Assert.IsType<MsalBotTokenProvider>(provider.GetRequiredService<IBotTokenProvider>());
        Assert.Equal("https://login.microsoftonline.com/contoso-tenant", tokens.Target.Authority);
        Assert.Same(tokens, provider.GetRequiredService<IBotTokenProvider>());
    }

    [Fact]
    public void AddBotConnector_ConnectorSection_BindsRetrySettings()
    {
        using var provider = Build(new Dictionary<string, string?>
        {
            ["Connector:MaxAttempts"] = "3",
            ["Connector:BaseDelay"] = "00:00:02",
            ["Connector:MaxDelay"] = "00:00:20",
            ["Connector:Timeout"] = "00:00:15",
        });

        var options = provider.GetRequiredService<IOptions<ConnectorOptions>>().Value;
        Assert.Equal(3, options.MaxAttempts);
        Assert.Equal(TimeSpan.FromSeconds(2), options.BaseDelay);
        Assert.Equal(TimeSpan.FromSeconds(20), options.MaxDelay);
        Assert.Equal(TimeSpan.FromSeconds(15), options.Timeout);
        Assert.Equal(3, provider.GetRequiredService<ConnectorResiliencePipeline>().MaxAttempts);
    }

    [Fact]
    public void AddBotConnector_InvalidConnectorSection_FailsValidation()
    {
        using var provider = Build(new Dictionary<string, string?> { ["Connector:MaxAttempts"] = "0" });

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ConnectorOptions>>().Value);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.Configure<BotIdentityOptions>(configuration);
        services.AddBotConnector(configuration);
        return services.BuildServiceProvider();
    }
}
