using System.Reflection;
using System.Text.Json;
using BackCareBot.Adapter;
using BackCareBot.Endpoints;
using BackCareBot.Protocol.Schema;
using BackCareBot.RateLimiting;

namespace BackCareBot.Streaming;

/// <summary>
/// Answers what a streaming channel asks the bot: <c>POST /api/messages</c> carries an activity, run as a
/// turn whose replies go back over the same socket; <c>GET /api/version</c> asks who the bot is.
/// </summary>
internal sealed partial class BotStreamingRequestHandler(
    BotAdapter adapter, ConversationRateLimiter conversationLimiter, StreamingSession session, ILogger<BotStreamingRequestHandler> logger)
    : IStreamingRequestHandler
{
    private static readonly string UserAgent =
        $"BackCareBot/{typeof(BotStreamingRequestHandler).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "1.0"}";

    public Task<StreamingResponse> ProcessRequestAsync(StreamingRequest request, IStreamingPeer peer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return (Route(request.Path), request.Verb.ToUpperInvariant()) switch
        {
            (KnownPath.Messages, "POST") => ProcessActivityAsync(request, peer, cancellationToken),
            (KnownPath.Version, "GET") => Task.FromResult(Version()),
            (KnownPath.None, _) => Task.FromResult(StreamingResponse.Status(StatusCodes.Status404NotFound)),
            _ => Task.FromResult(StreamingResponse.Status(StatusCodes.Status405MethodNotAllowed)),
        };
    }

    private async Task<StreamingResponse> ProcessActivityAsync(StreamingRequest request, IStreamingPeer peer, CancellationToken cancellationToken)
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

        activity.CallerId = session.CallerId;
        if (conversationLimiter.TryAcquire(activity.ChannelId, activity.Conversation!.Id!, activity) is not null)
        {
            return StreamingResponse.Status(StatusCodes.Status429TooManyRequests);
        }

        if (activity.DeliveryMode == DeliveryModes.ExpectReplies)
        {
            var expected = await adapter.ProcessActivityAsync(activity, ExpectRepliesSender.Instance, cancellationToken).ConfigureAwait(false);
            var body = JsonSerializer.SerializeToUtf8Bytes(new ExpectedReplies(expected.Replies), BotJsonContext.Default.ExpectedReplies);
            return StreamingResponse.WithBody(StatusCodes.Status200OK, StreamBody.Json(body));
        }

        var outcome = await adapter.ProcessActivityAsync(activity, new StreamingActivitySender(peer), cancellationToken).ConfigureAwait(false);
        if (activity.Type != ActivityTypes.Invoke)
        {
            return StreamingResponse.Status(StatusCodes.Status200OK);
        }

        return outcome.InvokeResponse switch
        {
            { Body: JsonElement invokeBody } invoke => StreamingResponse.WithBody(
                invoke.Status, StreamBody.Json(JsonSerializer.SerializeToUtf8Bytes(invokeBody, BotJsonContext.Default.JsonElement))),
            { } invoke => StreamingResponse.Status(invoke.Status),
            null => StreamingResponse.Status(StatusCodes.Status501NotImplemented),
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
}
