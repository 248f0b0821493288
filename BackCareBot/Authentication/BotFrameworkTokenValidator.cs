using Microsoft.IdentityModel.JsonWebTokens;

namespace BackCareBot.Authentication;

/// <summary>
/// Tokens the Bot Connector issues when a channel (Teams, Direct Line, voice) calls the bot: issuer, audience,
/// lifetime and signature, plus the two Bot Framework bindings — the signing key must be endorsed for the
/// activity's channel, and the signed serviceurl claim must match the activity's serviceUrl.
/// </summary>
internal sealed class BotFrameworkTokenValidator(
    OpenIdMetadataSource metadata, SignedTokenValidator validator, BotAuthenticationOptions options, TimeProvider time)
{
    private const string ServiceUrlClaim = "serviceurl";

    public async Task<BotAuthenticationResult> ValidateAsync(
        string token, string appId, string channelId, ServiceUrlBinding serviceUrl, CancellationToken ct)
    {
        if (serviceUrl.IsRequired && string.IsNullOrWhiteSpace(serviceUrl.Expected))
            return BotAuthenticationResult.Failed(AuthenticationFailure.MissingServiceUrl);

        var check = await validator.ValidateAsync(
            token,
            metadata,
            configuration => TokenValidationProfile.Create([options.BotFrameworkIssuer], [appId], configuration.SigningKeys, time),
            ct).ConfigureAwait(false);
        if (check.Failure is not null)
            return BotAuthenticationResult.Failed(check.Failure);

        var signingKeyId = (check.Result!.SecurityToken as JsonWebToken)?.SigningKey?.KeyId;
        if (!SigningKeyEndorsements.Endorses(check.Configuration!, signingKeyId, channelId))
            return BotAuthenticationResult.Failed(AuthenticationFailure.ChannelNotEndorsed);

        var identity = check.Result.ClaimsIdentity;
        if (serviceUrl.IsRequired
            && !string.Equals(identity.FindFirst(ServiceUrlClaim)?.Value, serviceUrl.Expected, StringComparison.OrdinalIgnoreCase))
            return BotAuthenticationResult.Failed(AuthenticationFailure.ServiceUrlMismatch);

        return BotAuthenticationResult.Authenticated(identity, CallerIds.PublicAzureChannel, appId);
    }
}

/// <summary>Whether the token must be bound to an activity's serviceUrl (not possible on the streaming upgrade).</summary>
internal readonly record struct ServiceUrlBinding(bool IsRequired, string? Expected)
{
    public static ServiceUrlBinding To(string? serviceUrl) => new(true, serviceUrl);

    public static ServiceUrlBinding None => new(false, null);
}
