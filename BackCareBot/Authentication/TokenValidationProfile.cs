using Microsoft.IdentityModel.Tokens;

namespace BackCareBot.Authentication;

/// <summary>The checks the Bot Connector applies to every inbound token, whichever family issued it.</summary>
internal static class TokenValidationProfile
{
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private static readonly string[] AllowedAlgorithms =
        [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    public static TokenValidationParameters Create(
        IEnumerable<string> issuers, IEnumerable<string> audiences, IEnumerable<SecurityKey> signingKeys, TimeProvider time) => new()
    {
        ValidIssuers = issuers,
        ValidAudiences = audiences,
        IssuerSigningKeys = signingKeys,
        ValidAlgorithms = AllowedAlgorithms,
        ClockSkew = ClockSkew,
        ValidateIssuer = true,
        ValidateAudience = true,
        ValidateLifetime = true,
        RequireExpirationTime = true,
        RequireSignedTokens = true,
        // The endorsement check needs the key named by kid, not whichever key happens to verify.
        TryAllIssuerSigningKeys = false,
        LifetimeValidator = TokenLifetime.ValidatorFor(time, ClockSkew),
    };
}
