using System.Globalization;

namespace BackCareBot.RateLimiting;

/// <summary>The one way this host says "slow down": 429, Retry-After in whole seconds, and a problem-details body.</summary>
internal static class TooManyRequests
{
    public const string ConversationTitle = "This conversation is sending activities faster than the bot accepts.";

    public const string AddressTitle = "Too many requests from this address.";

    public static IResult Result(HttpContext http, TimeSpan retryAfter, string title)
    {
        http.Response.Headers.RetryAfter = Seconds(retryAfter);
        return Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: title);
    }

    public static string Seconds(TimeSpan retryAfter) =>
        Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
}
