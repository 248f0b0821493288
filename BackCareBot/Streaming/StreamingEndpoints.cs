using BackCareBot.Adapter;
using BackCareBot.Authentication;

namespace BackCareBot.Streaming;

/// <summary>
/// GET /api/messages upgraded to a WebSocket: how Direct Line Speech and the telephony channel reach the bot,
/// with the Bot Framework streaming protocol on top. The upgrade is authenticated like a POST; the socket then
/// lives until either side closes it or the host stops.
/// </summary>
internal static partial class StreamingEndpoints
{
    public static WebApplication UseBotStreaming(this WebApplication app)
    {
        app.MapGet("/api/messages", HandleAsync);
        return app;
    }

    private static async Task<IResult> HandleAsync(
        HttpContext http,
        IBotRequestAuthenticator authenticator,
        TurnDispatcher dispatcher,
        TimeProvider time,
        IHostApplicationLifetime lifetime,
        ILoggerFactory loggerFactory)
    {
        if (!http.WebSockets.IsWebSocketRequest)
        {
            return Results.StatusCode(StatusCodes.Status405MethodNotAllowed);
        }

        var channelId = http.Request.Headers["channelid"].ToString() is { Length: > 0 } header ? header : null;
        var auth = await authenticator.AuthenticateStreamingUpgradeAsync(
            http.Request.Headers.Authorization.ToString() is { Length: > 0 } authorization ? authorization : null,
            channelId,
            http.Connection.RemoteIpAddress,
            http.RequestAborted);
        var logger = loggerFactory.CreateLogger(typeof(StreamingEndpoints));
        if (!auth.IsAuthenticated)
        {
            LogRejected(logger, auth.FailureReason);
            return Results.Unauthorized();
        }

        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        var handler = new BotStreamingRequestHandler(
            dispatcher,
            new StreamingSession(auth.IsAnonymousLocal ? null : channelId, auth.CallerId),
            loggerFactory.CreateLogger<BotStreamingRequestHandler>());
        var connection = new StreamingConnection(socket, handler, time, loggerFactory.CreateLogger<StreamingConnection>());
        LogOpened(logger);
        await connection.RunAsync(lifetime.ApplicationStopping);
        LogClosed(logger);
        return Results.Empty;
    }

    [LoggerMessage(EventId = 1520, Level = LogLevel.Warning, Message = "Rejected a streaming upgrade: {Reason}")]
    private static partial void LogRejected(ILogger logger, string? reason);

    [LoggerMessage(EventId = 1521, Level = LogLevel.Information, Message = "Streaming connection opened")]
    private static partial void LogOpened(ILogger logger);

    [LoggerMessage(EventId = 1522, Level = LogLevel.Information, Message = "Streaming connection closed")]
    private static partial void LogClosed(ILogger logger);
}
