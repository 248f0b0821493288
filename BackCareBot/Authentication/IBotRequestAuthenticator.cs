using System.Net;

namespace BackCareBot.Authentication;

/// <summary>Decides whether an inbound Bot Framework request comes from a trusted caller.</summary>
public interface IBotRequestAuthenticator
{
    /// <summary>Authenticates POST /api/messages; the token must be bound to the activity's channelId and serviceUrl.</summary>
    Task<BotAuthenticationResult> AuthenticateAsync(
        string? authorizationHeader, string? channelId, string? serviceUrl, IPAddress? remoteAddress, CancellationToken ct);

    /// <summary>
    /// Authenticates the WebSocket streaming upgrade (channelId from the "channelid" header). There is no activity yet,
    /// so the serviceurl claim cannot be bound; everything else is checked as for <see cref="AuthenticateAsync"/>.
    /// </summary>
    Task<BotAuthenticationResult> AuthenticateStreamingUpgradeAsync(
        string? authorizationHeader, string? channelId, IPAddress? remoteAddress, CancellationToken ct);
}
