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
/// message: read and check the body → authenticate → run the turn in the adapter → answer in the form
/// the delivery mode asks for.
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
        BotAdapter adapter,
        ConnectorActivitySender connectorSender,
        ConversationRateLimiter conversationLimiter,
        IHostApplicationLifetime lifetime,
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

        // callerId is derived from the validated token, never taken from the wire (spec A2250).
        activity.CallerId = auth.CallerId;

        if (conversationLimiter.TryAcquire(activity.ChannelId, activity.Conversation!.Id!, activity) is { } retryAfter)
        {
            return TooManyRequests.Result(http, retryAfter, TooManyRequests.ConversationTitle);
        }

        if (activity.DeliveryMode == DeliveryModes.ExpectReplies)
        {
            var outcome = await adapter.ProcessActivityAsync(activity, ExpectRepliesSender.Instance, cancellationToken);
            return Results.Json(new ExpectedReplies(outcome.Replies), BotJsonContext.Default.ExpectedReplies);
        }

        TurnOutcome result;
        try
        {
            // These replies go through the connector, not this response: a channel that stops waiting (Teams
            // gives up after about 15 s) must not cancel a turn that may be sending the emergency advice.
            result = await adapter.ProcessActivityAsync(activity, connectorSender, lifetime.ApplicationStopping);
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

        if (activity.Type == ActivityTypes.Invoke)
        {
            return result.InvokeResponse is { } invoke
                ? InvokeResult(invoke)
                : Results.StatusCode(StatusCodes.Status501NotImplemented);
        }

        return Results.Ok();
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
