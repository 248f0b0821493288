using BackCareBot.Protocol.Schema;

namespace BackCareBot.Connector;

/// <summary>
/// The Bot Connector REST API v3 calls this bot makes to deliver replies: every call goes to the
/// serviceUrl the channel gave on the incoming activity.
/// </summary>
public interface IConnectorClient
{
    /// <summary>Posts a new activity at the end of the conversation (no thread parent).</summary>
    Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken);

    /// <summary>Posts an activity as a reply to <paramref name="replyToId"/> (threaded where the channel threads).</summary>
    Task<ResourceResponse> ReplyToActivityAsync(string serviceUrl, string conversationId, string replyToId, Activity activity, CancellationToken cancellationToken);

    /// <summary>Replaces an activity the bot sent earlier.</summary>
    Task<ResourceResponse> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken);

    /// <summary>Removes an activity the bot sent earlier.</summary>
    Task DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken);
}
