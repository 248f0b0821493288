using System.Globalization;
using System.Text.Json;
using BackCareBot.Adapter;
using BackCareBot.Authentication;
using BackCareBot.Connector;
using BackCareBot.Protocol.Schema;
using BackCareBot.RateLimiting;

namespace BackCareBot.Endpoints;

/// <summary>
/// POST /api/messages, where Azure Bot Service (and the Emulator) deliver activities. The path of one
/// message: read and check the body → authenticate → <see cref="TurnDispatcher"/> (limit, run the turn in the
/// adapter) → answer in the form the delivery mode asks for.
/// </summary>
internal static partial class MessagesEndpoint
{
    public static IEndpointRouteBuilder MapBotMessages(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/messages", HandleAsync).RequireRateLimiting(RateLimitingExtensions.LocalDevelopmentPerAddress);
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(
        HttpContext http,
        IBotRequestAuthenticator authenticator,
        TurnDispatcher dispatcher,
        ILoggerFactory loggerFactory,
        CancellationToken cancellationToken)
    {
        var read = await ActivityRequestReader.ReadAsync(http.Request, cancellationToken);
        if (read.Activity is not { } activity)
        {
            return Results.Problem(statusCode: read.StatusCode, title: read.Problem);
        }

        var auth = await authenticator.AuthenticateAsync(
            http.Request.Headers.Authorization.ToString() is { Length: > 0 } header ? header : null,
            activity.ChannelId,
            activity.ServiceUrl,
            http.Connection.RemoteIpAddress,
            cancellationToken);
        if (!auth.IsAuthenticated)
        {
            LogRejected(loggerFactory.CreateLogger(nameof(MessagesEndpoint)), auth.FailureReason);
            return Results.Unauthorized();
        }

        TurnDispatch dispatched;
        try
        {
            dispatched = await dispatcher.DispatchAsync(activity, auth.CallerId, http.RequestServices.GetRequiredService<ConnectorActivitySender>);
        }
        catch (ConnectorException exception)
        {
            // The turn's state is already saved and its lock released, so the next message carries on
            // from here; only this turn's replies were lost. 502 tells the channel its connector was the
            // failing upstream, where a 500 would blame the bot.
            LogDeliveryFailed(
                loggerFactory.CreateLogger(nameof(MessagesEndpoint)),
                exception.StatusCode is { } status ? ((int)status).ToString(CultureInfo.InvariantCulture) : "no answer",
                exception.Attempts);
            return Results.Problem(statusCode: StatusCodes.Status502BadGateway, title: "The channel did not accept the bot's replies.");
        }

        return dispatched switch
        {
            TurnDispatch.Limited limited => TooManyRequests.Result(http, limited.RetryAfter, TooManyRequests.ConversationTitle),
            TurnDispatch.Replied replied => Results.Json(replied.Replies, BotJsonContext.Default.ExpectedReplies),
            TurnDispatch.Invoked { Response: { } invoke } => InvokeResult(invoke),
            TurnDispatch.Invoked => Results.StatusCode(StatusCodes.Status501NotImplemented),
            _ => Results.Ok(),
        };
    }

    private static IResult InvokeResult(InvokeResponse invoke) =>
        invoke.Body is JsonElement body
            ? Results.Json(body, BotJsonContext.Default.JsonElement, statusCode: invoke.Status)
            : Results.StatusCode(invoke.Status);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Error, Message = "The turn's replies could not be delivered: the connector gave {Outcome} after {Attempts} attempt(s)")]
    private static partial void LogDeliveryFailed(ILogger logger, string outcome, int attempts);

    [LoggerMessage(EventId = 1100, Level = LogLevel.Warning, Message = "Rejected an activity: {Reason}")]
    private static partial void LogRejected(ILogger logger, string? reason);
}
