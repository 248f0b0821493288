using System.Net;
using BackCareBot.Configuration;
using Microsoft.Extensions.Options;

namespace BackCareBot.Authentication;

/// <summary>
/// Authenticates inbound Bot Framework requests: with an app id configured, a Bearer token from the Bot Connector or
/// Entra ID is required, routed by its (unvalidated) issuer; without one (local development), only loopback callers
/// are let in.
/// </summary>
internal sealed class BotRequestAuthenticator : IBotRequestAuthenticator
{
    private readonly BotIdentityOptions _identity;
    private readonly string _botFrameworkIssuer;
    private readonly BotFrameworkTokenValidator _botFramework;
    private readonly EntraTokenValidator _entra;

    public BotRequestAuthenticator(
        IOptions<BotIdentityOptions> identity,
        IOptions<BotAuthenticationOptions> options,
        IHttpClientFactory httpClientFactory,
        TimeProvider time,
        ILogger<SignedTokenValidator> logger)
    {
        _identity = identity.Value;
        var settings = options.Value;
        _botFrameworkIssuer = settings.BotFrameworkIssuer;
        var retriever = new HttpClientFactoryDocumentRetriever(httpClientFactory);
        var validator = new SignedTokenValidator(logger);
        _botFramework = new BotFrameworkTokenValidator(
            new OpenIdMetadataSource(settings.BotFrameworkOpenIdMetadataUrl, retriever, settings), validator, settings, time);
        _entra = new EntraTokenValidator(
            new OpenIdMetadataSource(settings.EntraOpenIdMetadataUrl, retriever, settings),
            validator,
            EntraIssuers.For(_identity.MicrosoftAppTenantId, settings.AdditionalEntraIssuers),
            time);
    }

    public Task<BotAuthenticationResult> AuthenticateAsync(
        string? authorizationHeader, string? channelId, string? serviceUrl, IPAddress? remoteAddress, CancellationToken ct) =>
        AuthenticateCoreAsync(authorizationHeader, channelId, ServiceUrlBinding.To(serviceUrl), remoteAddress, ct);

    public Task<BotAuthenticationResult> AuthenticateStreamingUpgradeAsync(
        string? authorizationHeader, string? channelId, IPAddress? remoteAddress, CancellationToken ct) =>
        AuthenticateCoreAsync(authorizationHeader, channelId, ServiceUrlBinding.None, remoteAddress, ct);

    private async Task<BotAuthenticationResult> AuthenticateCoreAsync(
        string? authorizationHeader, string? channelId, ServiceUrlBinding serviceUrl, IPAddress? remoteAddress, CancellationToken ct)
    {
        if (_identity.IsLocalDevelopment)
        {
            return LoopbackAddress.Is(remoteAddress)
                ? BotAuthenticationResult.AnonymousLocal()
                : BotAuthenticationResult.Failed(AuthenticationFailure.NonLoopbackCaller);
        }

        if (!BearerToken.TryExtract(authorizationHeader, out var token, out var failure))
            return BotAuthenticationResult.Failed(failure);

        // Every activity names its channel; without it the Bot Framework key endorsement cannot be checked.
        if (string.IsNullOrWhiteSpace(channelId))
            return BotAuthenticationResult.Failed(AuthenticationFailure.MissingChannelId);

        if (!UnvalidatedIssuer.TryRead(token, out var issuer))
            return BotAuthenticationResult.Failed(AuthenticationFailure.MalformedToken);

        var appId = _identity.MicrosoftAppId!.Trim();
        return string.Equals(issuer, _botFrameworkIssuer, StringComparison.Ordinal)
            ? await _botFramework.ValidateAsync(token, appId, channelId, serviceUrl, ct).ConfigureAwait(false)
            : await _entra.ValidateAsync(token, appId, ct).ConfigureAwait(false);
    }
}
