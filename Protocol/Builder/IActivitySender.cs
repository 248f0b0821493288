using BackCareBot.Protocol.Schema;

namespace BackCareBot.Protocol.Builder;

/// <summary>
/// Where a turn's outgoing activities go: back in the HTTP response (expectReplies), to the channel's
/// connector, into the built-in Direct Line transcript, or over a streaming socket.
/// </summary>
public interface IActivitySender
{
    Task<ResourceResponse[]> SendAsync(IReadOnlyList<Activity> activities, CancellationToken cancellationToken);

    Task<ResourceResponse> UpdateAsync(Activity activity, CancellationToken cancellationToken);

    Task DeleteAsync(ConversationReference reference, string activityId, CancellationToken cancellationToken);
}
