using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace BackCareBot.Authentication;

/// <summary>Verifies a token against one metadata source, refreshing the keys once when the token names an unknown key.</summary>
internal sealed class SignedTokenValidator(ILogger<SignedTokenValidator> logger)
{
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    public async Task<SignedTokenCheck> ValidateAsync(
        string token,
        OpenIdMetadataSource metadata,
        Func<OpenIdConnectConfiguration, TokenValidationParameters> parametersFor,
        CancellationToken ct)
    {
        var configuration = await TryGetConfigurationAsync(metadata, ct).ConfigureAwait(false);
        if (configuration is null)
            return SignedTokenCheck.Failed(AuthenticationFailure.MetadataUnavailable);

        var result = await _handler.ValidateTokenAsync(token, parametersFor(configuration)).ConfigureAwait(false);
        if (result.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            // Keys rotate: a new kid may be published after our last fetch. IdentityModel rate-limits the refresh
            // and, by default, performs it in the background, so the retry only helps when new keys are already in.
            metadata.RequestRefresh();
            var refreshed = await TryGetConfigurationAsync(metadata, ct).ConfigureAwait(false);
            if (refreshed is not null && !ReferenceEquals(refreshed, configuration))
            {
                configuration = refreshed;
                result = await _handler.ValidateTokenAsync(token, parametersFor(configuration)).ConfigureAwait(false);
            }
        }

        return result.IsValid
            ? SignedTokenCheck.Valid(result, configuration)
            : SignedTokenCheck.Failed(FailureFor(result.Exception));
    }

    private async Task<OpenIdConnectConfiguration?> TryGetConfigurationAsync(OpenIdMetadataSource metadata, CancellationToken ct)
    {
        try
        {
            return await metadata.GetAsync(ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is InvalidOperationException or HttpRequestException)
        {
            logger.LogWarning(ex, "OpenID metadata for inbound token validation is unavailable.");
            return null;
        }
    }

    // Order matters: the key-not-found and algorithm exceptions derive from the invalid-signature one.
    private static string FailureFor(Exception? exception) => exception switch
    {
        SecurityTokenSignatureKeyNotFoundException => AuthenticationFailure.UnknownSigningKey,
        SecurityTokenInvalidAlgorithmException => AuthenticationFailure.InvalidAlgorithm,
        SecurityTokenInvalidSignatureException => AuthenticationFailure.InvalidSignature,
        SecurityTokenExpiredException => AuthenticationFailure.Expired,
        SecurityTokenNotYetValidException => AuthenticationFailure.NotYetValid,
        SecurityTokenInvalidIssuerException => AuthenticationFailure.InvalidIssuer,
        SecurityTokenInvalidAudienceException => AuthenticationFailure.InvalidAudience,
        SecurityTokenMalformedException => AuthenticationFailure.MalformedToken,
        _ => AuthenticationFailure.InvalidToken,
    };
}

internal sealed record SignedTokenCheck(TokenValidationResult? Result, OpenIdConnectConfiguration? Configuration, string? Failure)
{
    public static SignedTokenCheck Valid(TokenValidationResult result, OpenIdConnectConfiguration configuration) =>
        new(result, configuration, null);

    public static SignedTokenCheck Failed(string failure) => new(null, null, failure);
}
