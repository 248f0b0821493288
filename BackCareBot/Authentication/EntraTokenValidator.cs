namespace BackCareBot.Authentication;

/// <summary>
/// Entra ID tokens (Emulator, skills, agent-to-agent): trusted issuers, lifetime and signature, and the calling app
/// must be the bot itself — in "appid" for v1.0 tokens, "azp" for v2.0. There is no channel endorsement on this path.
/// </summary>
internal sealed class EntraTokenValidator(
    OpenIdMetadataSource metadata, SignedTokenValidator validator, IReadOnlyList<string> issuers, TimeProvider time)
{
    public async Task<BotAuthenticationResult> ValidateAsync(string token, string appId, CancellationToken ct)
    {
        // The Bot Connector's own check ignores the audience; we still demand the bot's app id so that a token the bot
        // obtained for another resource (for example Microsoft Graph) cannot be replayed against it.
        string[] audiences = [appId, $"api://{appId}"];
        var check = await validator.ValidateAsync(
            token,
            metadata,
            configuration => TokenValidationProfile.Create(issuers, audiences, configuration.SigningKeys, time),
            ct).ConfigureAwait(false);
        if (check.Failure is not null)
            return BotAuthenticationResult.Failed(check.Failure);

        var identity = check.Result!.ClaimsIdentity;
        var appIdClaim = identity.FindFirst("ver")?.Value switch
        {
            "1.0" => "appid",
            "2.0" => "azp",
            _ => null,
        };
        if (appIdClaim is null)
            return BotAuthenticationResult.Failed(AuthenticationFailure.UnsupportedTokenVersion);

        var callerAppId = identity.FindFirst(appIdClaim)?.Value;
        if (callerAppId is null || !string.Equals(callerAppId, appId, StringComparison.OrdinalIgnoreCase))
            return BotAuthenticationResult.Failed(AuthenticationFailure.AppIdMismatch);

        return BotAuthenticationResult.Authenticated(identity, CallerIds.ForEntraApp(callerAppId), callerAppId);
    }
}
