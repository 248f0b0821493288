using BackCareBot.Protocol.Builder;
using BackCareBot.Protocol.Schema;

namespace BackCareBot.DirectLine;

/// <summary>
/// Delivers one turn's replies on the built-in Direct Line: each joins the transcript of the conversation the turn
/// came in on, with an id and role bot (Web Chat tells the bot's messages from the user's by role), and reaches the
/// open socket. Bound to that conversation rather than looking it up by id, so that a conversation evicted during the
/// turn is revived for its replies instead of losing them.
/// </summary>
internal sealed class DirectLineActivitySender(DirectLineConversationStore store, DirectLineConversation conversation, TimeProvider time) : IActivitySender
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
            responses[i] = new ResourceResponse(store.Append(conversation, activity).Id);
        }

        return Task.FromResult(responses);
    }

    public Task<ResourceResponse> UpdateAsync(Activity activity, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The built-in Direct Line does not update sent activities.");

    public Task DeleteAsync(ConversationReference reference, string activityId, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The built-in Direct Line does not delete sent activities.");
}
