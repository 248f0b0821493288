using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace BackCareBot.Tests.Authentication;

/// <summary>Mints tokens shaped like the Bot Connector's and Entra ID's, relative to a test clock.</summary>
internal static class TestTokens
{
    public const string AppId = "3f1c9a52-7f0e-4a55-9d0b-2b7d2f0c8e11";
    public const string TenantId = "7c2d5e88-1b9f-4c1a-8f63-0a4e6b2d9c70";
    public const string BotFrameworkIssuer = "https://api.botframework.com";
    public const string ServiceUrl = "https://smba.trafficmanager.net/emea/";
    public const string ChannelId = "msteams";

    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    public static string Create(
        DateTimeOffset now,
        SigningCredentials? signing,
        string issuer,
        string audience,
        IDictionary<string, object> claims,
        TimeSpan? notBeforeOffset = null,
        TimeSpan? expiresOffset = null) =>
        Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.Add(notBeforeOffset ?? TimeSpan.FromMinutes(-1)).UtcDateTime,
            Expires = now.Add(expiresOffset ?? TimeSpan.FromHours(1)).UtcDateTime,
            Claims = claims,
            SigningCredentials = signing,
        });

    public static string BotFramework(
        DateTimeOffset now,
        SigningCredentials? signing,
        string issuer = BotFrameworkIssuer,
        string audience = AppId,
        string serviceUrl = ServiceUrl,
        TimeSpan? notBeforeOffset = null,
        TimeSpan? expiresOffset = null) =>
        Create(now, signing, issuer, audience, new Dictionary<string, object> { ["serviceurl"] = serviceUrl },
            notBeforeOffset, expiresOffset);

    public static string EntraV1(DateTimeOffset now, SigningCredentials signing, string tenantId, string callerAppId = AppId, string audience = AppId) =>
        Create(now, signing, $"https://sts.windows.net/{tenantId}/", audience,
            new Dictionary<string, object> { ["ver"] = "1.0", ["appid"] = callerAppId, ["tid"] = tenantId });

    public static string EntraV2(DateTimeOffset now, SigningCredentials signing, string tenantId, string callerAppId = AppId, string audience = AppId) =>
        Create(now, signing, $"https://login.microsoftonline.com/{tenantId}/v2.0", audience,
            new Dictionary<string, object> { ["ver"] = "2.0", ["azp"] = callerAppId, ["tid"] = tenantId });
}
