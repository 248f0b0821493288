using Microsoft.IdentityModel.Tokens;

namespace BackCareBot.Authentication;

/// <summary>
/// Lifetime check against the injected clock (IdentityModel's own check reads the wall clock), with the Bot
/// Connector's 5-minute skew.
/// </summary>
internal static class TokenLifetime
{
    public static LifetimeValidator ValidatorFor(TimeProvider time, TimeSpan clockSkew) =>
        (notBefore, expires, _, _) =>
        {
            if (expires is null)
                throw new SecurityTokenNoExpirationException("The token has no expiry.");
            if (notBefore is not null && notBefore > expires)
                throw new SecurityTokenInvalidLifetimeException("The token's validity window is inverted.");

            var now = time.GetUtcNow().UtcDateTime;
            if (notBefore is not null && notBefore.Value > now.Add(clockSkew))
                throw new SecurityTokenNotYetValidException("The token is not yet valid.") { NotBefore = notBefore.Value };
            if (expires.Value < now.Subtract(clockSkew))
                throw new SecurityTokenExpiredException("The token has expired.") { Expires = expires.Value };
            return true;
        };
}
