using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace BackCareBot.RateLimiting;

/// <summary>The rate limits ("RateLimits" section): ASP.NET Core's rate limiter for client addresses, and the per-conversation limiter.</summary>
internal static class RateLimitingExtensions
{
    /// <summary>Per client address on the built-in Direct Line and /webchat/token.</summary>
    public const string PerAddress = "PerAddress";

    /// <summary>Per client address on /api/messages, for local-development callers only.</summary>
    public const string LocalDevelopmentPerAddress = "LocalDevelopmentPerAddress";

    public static IServiceCollection AddRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RateLimitOptions>().Bind(configuration.GetSection(RateLimitOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RateLimitOptions>, RateLimitOptionsValidator>();
        services.AddSingleton<ConversationRateLimiter>();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = RejectAsync;
            limiter.AddPolicy<string, PerAddressPolicy>(PerAddress);
            limiter.AddPolicy<string, LocalDevelopmentPerAddressPolicy>(LocalDevelopmentPerAddress);
        });
        return services;
    }

    /// <summary>After CORS, so a browser can read the 429 its page caused.</summary>
    public static WebApplication UseRateLimits(this WebApplication app)
    {
        app.UseRateLimiter();
        return app;
    }

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        await TooManyRequests.Result(context.HttpContext, retryAfter, TooManyRequests.AddressTitle).ExecuteAsync(context.HttpContext);
    }
}
