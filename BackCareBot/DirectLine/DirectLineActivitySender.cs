using BackCareBot.Protocol.Builder;
using BackCareBot.Protocol.Schema;

namespace BackCareBot.DirectLine;

/// <summary>
/// Delivers the bot's replies on the built-in Direct Line: each joins its conversation's transcript with an
/// id and role bot (Web Chat tells the bot's messages from the user's by role), and reaches the open socket.
/// </summary>
internal sealed class DirectLineActivitySender(DirectLineConversationStore store, TimeProvider time) : IActivitySender
{
    public Task<ResourceResponse[]> SendAsync(IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        var responses = new ResourceResponse[activities.Count];
        for (var i = 0; i < activities.Count; i++)
        {
            var activity = activities[i];
            activity.From ??= new ChannelAccount();
            activity.From.Role = RoleTypes.Bot;
            activity.Timestamp = time.GetUtcNow();
            var conversation = store.Find(activity.Conversation?.Id);
            responses[i] = new ResourceResponse(conversation is null ? null : store.Append(conversation, activity)?.Id);
        }

        return Task.FromResult(responses);
    }

    public Task<ResourceResponse> UpdateAsync(Activity activity, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The built-in Direct Line does not update sent activities.");

    public Task DeleteAsync(ConversationReference reference, string activityId, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The built-in Direct Line does not delete sent activities.");
}
