using System.Threading.RateLimiting;
using BackCareBot.Authentication;
using BackCareBot.Configuration;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace BackCareBot.RateLimiting;

/// <summary>A fixed one-minute window of requests per client address, for what browsers of the public page call.</summary>
internal sealed class PerAddressPolicy(IOptions<RateLimitOptions> options) : IRateLimiterPolicy<string>
{
    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => null;

    public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
        PerAddress(options.Value, httpContext);

    internal static RateLimitPartition<string> PerAddress(RateLimitOptions settings, HttpContext httpContext) =>
        settings.Enabled
            ? RateLimitPartition.GetFixedWindowLimiter(ClientAddress.PartitionKey(httpContext.Connection.RemoteIpAddress), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = settings.PerAddressPermitsPerMinute,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            })
            : RateLimitPartition.GetNoLimiter(string.Empty);
}

/// <summary>
/// The per-address limit on /api/messages. With an app id, every activity comes from Azure Bot Service, whose few
/// Microsoft addresses carry all Teams and Web Chat users at once: a per-address limit there would throttle everyone
/// together, so authenticated traffic is limited per conversation only. Without an app id (local development) only
/// loopback callers get in, and those are exempt too, so the load tool and the Emulator can go as fast as the host
/// answers; what remains limited is other machines knocking on a developer's bot, before each is refused.
/// </summary>
internal sealed class LocalDevelopmentPerAddressPolicy(IOptions<RateLimitOptions> options, IOptions<BotIdentityOptions> identity)
    : IRateLimiterPolicy<string>
{
    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => null;

    public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
        identity.Value.IsLocalDevelopment && !LoopbackAddress.Is(httpContext.Connection.RemoteIpAddress)
            ? PerAddressPolicy.PerAddress(options.Value, httpContext)
            : RateLimitPartition.GetNoLimiter(string.Empty);
}
