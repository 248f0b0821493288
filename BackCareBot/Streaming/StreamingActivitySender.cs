using System.Text.Json;
using BackCareBot.Protocol.Builder;
using BackCareBot.Protocol.Schema;

namespace BackCareBot.Streaming;

/// <summary>
/// Sends a turn's replies back over the socket the activity came on, as the bot's own requests
/// (<c>POST /v3/conversations/{id}/activities/{replyToId}</c>), one after another so they are heard in order.
/// A streaming channel has no connector to call: its serviceUrl is not an http address.
/// </summary>
internal sealed class StreamingActivitySender(IStreamingPeer peer) : IActivitySender
{
    public async Task<ResourceResponse[]> SendAsync(IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activities);
        var responses = new ResourceResponse[activities.Count];
        for (var i = 0; i < activities.Count; i++)
        {
            var activity = activities[i];
            var path = activity.ReplyToId is { Length: > 0 } replyToId
                ? $"{ConversationPath(activity.Conversation?.Id)}/{Uri.EscapeDataString(replyToId)}"
                : ConversationPath(activity.Conversation?.Id);
            responses[i] = await SendActivityAsync("POST", path, activity, cancellationToken).ConfigureAwait(false);
        }

        return responses;
    }

    public Task<ResourceResponse> UpdateAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentException.ThrowIfNullOrEmpty(activity.Id);
        return SendActivityAsync("PUT", $"{ConversationPath(activity.Conversation?.Id)}/{Uri.EscapeDataString(activity.Id)}", activity, cancellationToken);
    }

    public async Task DeleteAsync(ConversationReference reference, string activityId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentException.ThrowIfNullOrEmpty(activityId);
        var request = StreamingRequest.Create("DELETE", $"{ConversationPath(reference.Conversation?.Id)}/{Uri.EscapeDataString(activityId)}");
        var response = await peer.SendRequestAsync(request, cancellationToken).ConfigureAwait(false);
        EnsureSuccess(response);
    }

    private async Task<ResourceResponse> SendActivityAsync(string verb, string path, Activity activity, CancellationToken cancellationToken)
    {
        var request = StreamingRequest.Create(verb, path, StreamBody.Json(BotJson.SerializeToUtf8(activity)));
        var response = await peer.SendRequestAsync(request, cancellationToken).ConfigureAwait(false);
        EnsureSuccess(response);
        return ReadResourceResponse(response) ?? new ResourceResponse(null);
    }

    private static string ConversationPath(string? conversationId) =>
        conversationId is { Length: > 0 }
            ? $"/v3/conversations/{Uri.EscapeDataString(conversationId)}/activities"
            : throw new ArgumentException("A reply needs the id of its conversation.", nameof(conversationId));

    private static void EnsureSuccess(StreamingResponse response)
    {
        if (!response.IsSuccess)
        {
            throw new StreamingSendException(response.StatusCode);
        }
    }

    // The channel's answer names the id it gave the activity; a peer that sends no body (or not JSON) gave none.
    private static ResourceResponse? ReadResourceResponse(StreamingResponse response)
    {
        if (response.Bodies is not [{ Content.Length: > 0 } body, ..])
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(body.Content.Span, BotJsonContext.Default.ResourceResponse);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>The streaming peer refused one of the bot's requests.</summary>
public sealed class StreamingSendException(int statusCode)
    : IOException($"The streaming peer answered the bot's request with status {statusCode}.")
{
    public int StatusCode { get; } = statusCode;
}
