using BackCareBot.Protocol.Builder;
using BackCareBot.Protocol.Schema;
using BackCareBot.RateLimiting;

namespace BackCareBot.Adapter;

/// <summary>
/// The one path from an authenticated channel activity to the bot's answer, shared by <c>POST /api/messages</c>
/// and the streaming connection; each transport only reads the activity and turns the result into its own response.
/// </summary>
internal sealed class TurnDispatcher(BotAdapter adapter, ConversationRateLimiter conversationLimiter, IHostApplicationLifetime lifetime)
{
    /// <param name="callerId">Who the validated credentials say sent it; never what the activity itself claims (spec A2250).</param>
    /// <param name="pushSender">
    /// Where replies go when the channel does not wait for them in the response. Made only then: the connector's sender
    /// wraps a typed HttpClient from the factory, which an expectReplies turn would build and never use.
    /// </param>
    public async Task<TurnDispatch> DispatchAsync(Activity activity, string? callerId, Func<IActivitySender> pushSender)
    {
        ArgumentNullException.ThrowIfNull(activity);
        activity.CallerId = callerId;
        if (conversationLimiter.TryAcquire(activity.ChannelId, activity.Conversation!.Id!, activity) is { } retryAfter)
        {
            return new TurnDispatch.Limited(retryAfter);
        }

        // A turn runs to its end whatever its caller does: a channel that stops waiting (Teams gives up after about
        // 15 s), a dropped socket or a streaming CancelAll must not cut a turn off between saving its state and
        // sending its replies, one of which may be the emergency advice. Only the host shutting down stops it.
        var stopping = lifetime.ApplicationStopping;
        if (activity.DeliveryMode == DeliveryModes.ExpectReplies)
        {
            var expected = await adapter.ProcessActivityAsync(activity, ExpectRepliesSender.Instance, stopping).ConfigureAwait(false);
            return new TurnDispatch.Replied(new ExpectedReplies(expected.Replies));
        }

        var outcome = await adapter.ProcessActivityAsync(activity, pushSender(), stopping).ConfigureAwait(false);
        return activity.Type == ActivityTypes.Invoke
            ? new TurnDispatch.Invoked(outcome.InvokeResponse)
            : TurnDispatch.Delivered.Instance;
    }
}

/// <summary>How a dispatched turn ended, for the transport to answer in its own form.</summary>
internal abstract record TurnDispatch
{
    /// <summary>The conversation sent more than its limit allows; nothing was run.</summary>
    public sealed record Limited(TimeSpan RetryAfter) : TurnDispatch;

    /// <summary>The channel asked for the replies in the response (deliveryMode expectReplies).</summary>
    public sealed record Replied(ExpectedReplies Replies) : TurnDispatch;

    /// <summary>An invoke ran; null when no handler answered it.</summary>
    public sealed record Invoked(InvokeResponse? Response) : TurnDispatch;

    /// <summary>The replies went out through the push sender.</summary>
    public sealed record Delivered : TurnDispatch
    {
        public static Delivered Instance { get; } = new();
    }
}
