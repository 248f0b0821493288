using BackCareBot.Protocol.Builder;
using BackCareBot.Protocol.Schema;

namespace BackCareBot.Adapter;

/// <summary>
/// For deliveryMode expectReplies: the replies travel back in the HTTP response, which the endpoint
/// writes from the turn's outcome, so nothing is sent anywhere else.
/// </summary>
internal sealed class ExpectRepliesSender : IActivitySender
{
    public static ExpectRepliesSender Instance { get; } = new();

    public Task<ResourceResponse[]> SendAsync(IReadOnlyList<Activity> activities, CancellationToken cancellationToken) =>
        Task.FromResult(activities.Select(_ => new ResourceResponse(null)).ToArray());

    public Task<ResourceResponse> UpdateAsync(Activity activity, CancellationToken cancellationToken) =>
        throw new NotSupportedException("A channel that asked for expectReplies cannot have an activity updated.");

    public Task DeleteAsync(ConversationReference reference, string activityId, CancellationToken cancellationToken) =>
        throw new NotSupportedException("A channel that asked for expectReplies cannot have an activity deleted.");
}
