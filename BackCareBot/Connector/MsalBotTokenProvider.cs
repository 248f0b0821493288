using BackCareBot.Configuration;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;
using Microsoft.Identity.Client.AppConfig;

namespace BackCareBot.Connector;

/// <summary>
/// Gets Bot Connector tokens with MSAL. One application instance lives as long as this singleton,
/// so MSAL's in-memory token cache serves repeat calls until the token nears expiry.
/// </summary>
public sealed class MsalBotTokenProvider : IBotTokenProvider
{
    private readonly Func<CancellationToken, Task<AuthenticationResult>> _acquire;

    public MsalBotTokenProvider(IOptions<BotIdentityOptions> identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        Target = BotTokenTarget.For(identity.Value);
        _acquire = Target.ManagedIdentityResource is { } resource
            ? ForManagedIdentity(Target.ClientId, resource)
            : ForClientCredentials(Target, identity.Value.MicrosoftAppPassword!);
    }

    internal BotTokenTarget Target { get; }

    public async ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        var result = await _acquire(cancellationToken).ConfigureAwait(false);
        return result.AccessToken;
    }

    private static Func<CancellationToken, Task<AuthenticationResult>> ForClientCredentials(BotTokenTarget target, string secret)
    {
        var app = ConfidentialClientApplicationBuilder.Create(target.ClientId)
            .WithClientSecret(secret)
            .WithAuthority(target.Authority)
            .Build();
        string[] scopes = [target.Scope!];
        return cancellationToken => app.AcquireTokenForClient(scopes).ExecuteAsync(cancellationToken);
    }

    private static Func<CancellationToken, Task<AuthenticationResult>> ForManagedIdentity(string clientId, string resource)
    {
        var app = ManagedIdentityApplicationBuilder.Create(ManagedIdentityId.WithUserAssignedClientId(clientId)).Build();
        return cancellationToken => app.AcquireTokenForManagedIdentity(resource).ExecuteAsync(cancellationToken);
    }
}
