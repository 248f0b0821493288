using BackCareBot.RateLimiting;
using Microsoft.Extensions.Options;

namespace BackCareBot.WebChat;

/// <summary>
/// The chat page at /, its static files (the embed script and the Web Chat bundle the build copies from
/// npm), and the two calls the page makes: its settings and a token.
/// </summary>
internal static partial class WebChatEndpoints
{
    public static WebApplication MapWebChat(this WebApplication app)
    {
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseWebChatCors();
        var group = app.MapGroup("/webchat").RequireCors(WebChatCors.PolicyName);
        group.MapGet("/settings", Settings);
        group.MapPost("/token", CreateTokenAsync).RequireRateLimiting(RateLimitingExtensions.PerAddress);
        return app;
    }

    private static IResult Settings(IOptions<WebChatOptions> options, WebChatTokenSource tokens)
    {
        var value = options.Value;
        var settings = new WebChatClientSettings(
            tokens.UsesAzure ? value.DirectLineEndpoint.ToString().TrimEnd('/') : null,
            value.BotName,
            value.Avatar,
            value.Locale,
            value.EnableSpeech,
            value.Colours);
        return Results.Json(settings, WebChatJsonContext.Default.WebChatClientSettings);
    }

    private static async Task<IResult> CreateTokenAsync(WebChatTokenSource tokens, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        try
        {
            return Results.Json(await tokens.CreateAsync(cancellationToken), WebChatJsonContext.Default.WebChatToken);
        }
        catch (HttpRequestException exception)
        {
            LogTokenExchangeFailed(loggers.CreateLogger(nameof(WebChatEndpoints)), exception.StatusCode is { } status ? (int)status : 0, exception);
            return Results.Problem(statusCode: StatusCodes.Status502BadGateway, title: "Direct Line did not issue a token.");
        }
    }

    [LoggerMessage(EventId = 1600, Level = LogLevel.Error, Message = "Exchanging the Direct Line secret for a token failed (status {Status})")]
    private static partial void LogTokenExchangeFailed(ILogger logger, int status, Exception exception);
}
