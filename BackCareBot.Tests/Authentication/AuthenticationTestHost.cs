using BackCareBot.Authentication;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BackCareBot.Tests.Authentication;

/// <summary>A metadata server, test keys and an authenticator wired through AddBotAuthentication, as the host does.</summary>
internal sealed class AuthenticationTestHost : IAsyncDisposable
{
    private readonly List<ServiceProvider> _services = [];

    private AuthenticationTestHost()
    {
    }

    public static DateTimeOffset Start { get; } = new(2026, 9, 1, 10, 0, 0, TimeSpan.Zero);

    public MetadataServer Server { get; private set; } = null!;

    public ManualTimeProvider Time { get; } = new(Start);

    /// <summary>Endorsed for Teams and Web Chat.</summary>
    public TestSigningKey BotFrameworkKey { get; } = new("bf-key-1", TestTokens.ChannelId, "webchat");

    /// <summary>Published by the Bot Framework but endorsed only for Web Chat.</summary>
    public TestSigningKey WebChatOnlyKey { get; } = new("bf-key-webchat", "webchat");

    public TestSigningKey EntraKey { get; } = new("entra-key-1");

    public static async Task<AuthenticationTestHost> StartAsync()
    {
        var host = new AuthenticationTestHost();
        host.Server = await MetadataServer.StartAsync([host.BotFrameworkKey, host.WebChatOnlyKey], [host.EntraKey]);
        return host;
    }

    public IBotRequestAuthenticator CreateAuthenticator(
        string? appId = TestTokens.AppId, string? tenantId = TestTokens.TenantId, string appType = "SingleTenant",
        IDictionary<string, string?>? overrides = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["MicrosoftAppType"] = appType,
            ["MicrosoftAppId"] = appId,
            ["MicrosoftAppTenantId"] = tenantId,
            ["BotAuthentication:BotFrameworkOpenIdMetadataUrl"] = Server.BotFrameworkMetadataUrl,
            ["BotAuthentication:EntraOpenIdMetadataUrl"] = Server.EntraMetadataUrl,
            ["BotAuthentication:MetadataRefreshInterval"] = "00:00:01",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
            settings[key] = value;

        var services = BuildServices(settings);
        _services.Add(services);
        return services.GetRequiredService<IBotRequestAuthenticator>();
    }

    private ServiceProvider BuildServices(IDictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Time);
        services.AddBotAuthentication(configuration);
        return services.BuildServiceProvider(validateScopes: true);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var services in _services)
            await services.DisposeAsync();
        await Server.DisposeAsync();
        BotFrameworkKey.Dispose();
        WebChatOnlyKey.Dispose();
        EntraKey.Dispose();
    }
}
