using System.Security.Claims;

namespace BackCareBot.Authentication;

/// <summary>The outcome of authenticating one inbound request.</summary>
/// <param name="IsAuthenticated">True when the request may proceed: a valid token, or a loopback caller in local development.</param>
/// <param name="ClaimsIdentity">The validated token's identity; null on failure and in local development.</param>
/// <param name="CallerId">Derived from the validated token, never from the activity, so a caller cannot claim to be someone else.</param>
/// <param name="AppId">The app id the token was issued for (Bot Framework) or by (Entra ID); equals the bot's app id.</param>
/// <param name="IsAnonymousLocal">The bot has no app id and accepted a loopback caller without a token.</param>
/// <param name="FailureReason">One of <see cref="AuthenticationFailure"/>'s fixed codes; safe to log, never contains tokens or ids.</param>
public sealed record BotAuthenticationResult(
    bool IsAuthenticated,
    ClaimsIdentity? ClaimsIdentity,
    string? CallerId,
    string? AppId,
    bool IsAnonymousLocal,
    string? FailureReason)
{
    public static BotAuthenticationResult Failed(string reason) => new(false, null, null, null, false, reason);

    public static BotAuthenticationResult AnonymousLocal() => new(true, null, null, null, true, null);

    public static BotAuthenticationResult Authenticated(ClaimsIdentity identity, string callerId, string appId) =>
        new(true, identity, callerId, appId, false, null);
}
