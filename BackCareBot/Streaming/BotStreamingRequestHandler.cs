using System.Reflection;
using System.Text.Json;
using BackCareBot.Adapter;
using BackCareBot.Endpoints;
using BackCareBot.Protocol.Schema;

namespace BackCareBot.Streaming;

/// <summary>
/// Answers what a streaming channel asks the bot: <c>POST /api/messages</c> carries an activity, run as a
/// turn whose replies go back over the same socket; <c>GET /api/version</c> asks who the bot is.
/// A turn does not take the connection's cancellation: see <see cref="TurnDispatcher"/>.
/// </summary>
internal sealed partial class BotStreamingRequestHandler(
    TurnDispatcher dispatcher, StreamingSession session, ILogger<BotStreamingRequestHandler> logger)
    : IStreamingRequestHandler
{
    private static readonly string UserAgent =
        $"BackCareBot/{typeof(BotStreamingRequestHandler).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "1.0"}";

    public Task<StreamingResponse> ProcessRequestAsync(StreamingRequest request, IStreamingPeer peer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return (Route(request.Path), request.Verb.ToUpperInvariant()) switch
        {
            (KnownPath.Messages, "POST") => ProcessActivityAsync(request, peer),
            (KnownPath.Version, "GET") => Task.FromResult(Version()),
            (KnownPath.None, _) => Task.FromResult(StreamingResponse.Status(StatusCodes.Status404NotFound)),
            _ => Task.FromResult(StreamingResponse.Status(StatusCodes.Status405MethodNotAllowed)),
        };
    }

    private async Task<StreamingResponse> ProcessActivityAsync(StreamingRequest request, IStreamingPeer peer)
    {
        var read = StreamedActivityReader.Read(request);
        if (read.Activity is not { } activity)
        {
            return StreamingResponse.Status(read.StatusCode);
        }

        // The token at the upgrade was checked against one channel; the activities must come from it.
        if (session.ChannelId is { } channelId && !string.Equals(channelId, activity.ChannelId, StringComparison.OrdinalIgnoreCase))
        {
            LogChannelMismatch();
            return StreamingResponse.Status(StatusCodes.Status401Unauthorized);
        }

        TurnDispatch dispatched;
        try
        {
            dispatched = await dispatcher.DispatchAsync(activity, session.CallerId, () => new StreamingActivitySender(peer)).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is StreamingConnectionClosedException or StreamingSendException)
        {
            // As on /api/messages: the turn's state is saved, so the next message carries on; only these replies were lost.
            LogDeliveryFailed(exception.GetType().Name);
            return StreamingResponse.Status(StatusCodes.Status502BadGateway);
        }

        return dispatched switch
        {
            TurnDispatch.Limited => StreamingResponse.Status(StatusCodes.Status429TooManyRequests),
            TurnDispatch.Replied replied => StreamingResponse.WithBody(
                StatusCodes.Status200OK, StreamBody.Json(JsonSerializer.SerializeToUtf8Bytes(replied.Replies, BotJsonContext.Default.ExpectedReplies))),
            TurnDispatch.Invoked { Response: { Body: JsonElement invokeBody } invoke } => StreamingResponse.WithBody(
                invoke.Status, StreamBody.Json(JsonSerializer.SerializeToUtf8Bytes(invokeBody, BotJsonContext.Default.JsonElement))),
            TurnDispatch.Invoked { Response: { } invoke } => StreamingResponse.Status(invoke.Status),
            TurnDispatch.Invoked => StreamingResponse.Status(StatusCodes.Status501NotImplemented),
            _ => StreamingResponse.Status(StatusCodes.Status200OK),
        };
    }

    private static StreamingResponse Version() =>
        StreamingResponse.WithBody(StatusCodes.Status200OK, StreamBody.Json(
            JsonSerializer.SerializeToUtf8Bytes(new VersionInfo(UserAgent), StreamingJsonContext.Default.VersionInfo)));

    private static KnownPath Route(string path)
    {
        var trimmed = path.Split('?', 2)[0].TrimEnd('/');
        return trimmed.Equals("/api/messages", StringComparison.OrdinalIgnoreCase) ? KnownPath.Messages
            : trimmed.Equals("/api/version", StringComparison.OrdinalIgnoreCase) ? KnownPath.Version
            : KnownPath.None;
    }

    private enum KnownPath
    {
        None,
        Messages,
        Version,
    }

    [LoggerMessage(EventId = 1510, Level = LogLevel.Warning, Message = "Rejected a streamed activity from a channel other than the one the connection was authenticated for")]
    private partial void LogChannelMismatch();

    [LoggerMessage(EventId = 1511, Level = LogLevel.Warning, Message = "A streamed turn's replies could not be delivered ({ExceptionType})")]
    private partial void LogDeliveryFailed(string exceptionType);
}
