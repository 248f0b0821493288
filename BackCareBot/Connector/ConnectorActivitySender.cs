using BackCareBot.Protocol.Builder;
using BackCareBot.Protocol.Schema;

namespace BackCareBot.Connector;

/// <summary>
/// Delivers a turn's activities to the channel's Bot Connector, one request each and strictly in
/// order, so the person reads them in the order the bot said them.
/// </summary>
public sealed class ConnectorActivitySender : IActivitySender
{
    private readonly IConnectorClient _client;

    public ConnectorActivitySender(IConnectorClient client) => _client = client;

    public async Task<ResourceResponse[]> SendAsync(IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activities);
        var responses = new ResourceResponse[activities.Count];
        for (var i = 0; i < activities.Count; i++)
        {
            responses[i] = await SendOneAsync(activities[i], cancellationToken).ConfigureAwait(false);
        }

        return responses;
    }

    public Task<ResourceResponse> UpdateAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (string.IsNullOrEmpty(activity.Id))
        {
            throw new ArgumentException("An update needs the id of the activity it replaces.", nameof(activity));
        }

        return _client.UpdateActivityAsync(ServiceUrlOf(activity), ConversationIdOf(activity), activity.Id, activity, cancellationToken);
    }

    public Task DeleteAsync(ConversationReference reference, string activityId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentException.ThrowIfNullOrEmpty(activityId);
        var serviceUrl = reference.ServiceUrl is { Length: > 0 } url
            ? url
            : throw new ArgumentException("The conversation reference has no serviceUrl.", nameof(reference));
        var conversationId = reference.Conversation?.Id is { Length: > 0 } id
            ? id
            : throw new ArgumentException("The conversation reference has no conversation id.", nameof(reference));
        return _client.DeleteActivityAsync(serviceUrl, conversationId, activityId, cancellationToken);
    }

    // As the Bot Framework SDK does: a threaded reply when the activity answers one, else a plain post.
    private Task<ResourceResponse> SendOneAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var serviceUrl = ServiceUrlOf(activity);
        var conversationId = ConversationIdOf(activity);
        return string.IsNullOrEmpty(activity.ReplyToId)
            ? _client.SendToConversationAsync(serviceUrl, conversationId, activity, cancellationToken)
            : _client.ReplyToActivityAsync(serviceUrl, conversationId, activity.ReplyToId, activity, cancellationToken);
    }

    private static string ServiceUrlOf(Activity activity) =>
        activity.ServiceUrl is { Length: > 0 } url ? url : throw new ArgumentException("The activity has no serviceUrl.", nameof(activity));

    private static string ConversationIdOf(Activity activity) =>
        activity.Conversation?.Id is { Length: > 0 } id ? id : throw new ArgumentException("The activity has no conversation id.", nameof(activity));
}
