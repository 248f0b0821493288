using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace BackCareBot.Authentication;

/// <summary>One issuer family's metadata and signing keys, cached and refreshed by IdentityModel.</summary>
internal sealed class OpenIdMetadataSource
{
    private readonly ConfigurationManager<OpenIdConnectConfiguration> _manager;

    public OpenIdMetadataSource(string metadataUrl, IDocumentRetriever retriever, BotAuthenticationOptions options)
    {
        _manager = new ConfigurationManager<OpenIdConnectConfiguration>(
            metadataUrl, new OpenIdConnectConfigurationRetriever(), retriever)
        {
            AutomaticRefreshInterval = options.MetadataAutomaticRefreshInterval,
            RefreshInterval = options.MetadataRefreshInterval,
        };
    }

    public Task<OpenIdConnectConfiguration> GetAsync(CancellationToken ct) => _manager.GetConfigurationAsync(ct);

    /// <summary>Asks for fresh keys; rate-limited by <see cref="BotAuthenticationOptions.MetadataRefreshInterval"/>.</summary>
    public void RequestRefresh() => _manager.RequestRefresh();
}
