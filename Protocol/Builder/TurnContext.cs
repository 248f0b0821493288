using BackCareBot.Protocol.Schema;

namespace BackCareBot.Protocol.Builder;

/// <summary>
/// The turn context the adapter builds for each incoming activity. Outgoing activities are addressed
/// from the incoming one before they reach the sender, so the bot only fills in what it says.
/// </summary>
public sealed class TurnContext : ITurnContext
{
    private readonly IActivitySender _sender;
    private readonly List<Activity> _sent = [];

    public TurnContext(Activity activity, IActivitySender sender)
    {
        Activity = activity;
        _sender = sender;
    }

    public Activity Activity { get; }

    public IDictionary<string, object> TurnState { get; } = new Dictionary<string, object>(StringComparer.Ordinal);

    public IReadOnlyList<Activity> SentActivities => _sent;

    public bool Responded { get; private set; }

    public InvokeResponse? InvokeResponse { get; set; }

    public async Task<ResourceResponse> SendActivityAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        var responses = await SendActivitiesAsync([activity], cancellationToken);
        return responses[0];
    }

    public async Task<ResourceResponse[]> SendActivitiesAsync(IReadOnlyList<Activity> activities, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activities);
        if (activities.Count == 0)
        {
            return [];
        }

        foreach (var activity in activities)
        {
            ApplyAddress(activity);
        }

        _sent.AddRange(activities);
        var deliverable = activities.Where(IsDeliverable).ToArray();
        var responses = deliverable.Length == 0 ? [] : await _sender.SendAsync(deliverable, cancellationToken);
        if (activities.Any(a => a.Type is ActivityTypes.Message))
        {
            Responded = true;
        }

        return activities.Count == deliverable.Length ? responses : [.. activities.Select(_ => new ResourceResponse(null))];
    }

    public Task<ResourceResponse> UpdateActivityAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var id = activity.Id;
        ApplyAddress(activity);
        activity.Id = id;
        return _sender.UpdateAsync(activity, cancellationToken);
    }

    public Task DeleteActivityAsync(string activityId, CancellationToken cancellationToken = default) =>
        _sender.DeleteAsync(Activity.GetConversationReference(), activityId, cancellationToken);

    // As in the Bot Framework SDK, trace activities reach only developer channels; real channels never see them.
    private bool IsDeliverable(Activity activity) =>
        activity.Type != ActivityTypes.Trace || Activity.ChannelId is Channels.Emulator or Channels.Test;

    private void ApplyAddress(Activity outgoing)
    {
        var reply = Activity.CreateReply(outgoing.Type ?? ActivityTypes.Message);
        outgoing.Type ??= ActivityTypes.Message;
        outgoing.ChannelId = reply.ChannelId;
        outgoing.ServiceUrl = reply.ServiceUrl;
        outgoing.Conversation ??= reply.Conversation;
        outgoing.From ??= reply.From;
        outgoing.Recipient ??= reply.Recipient;
        outgoing.Locale ??= reply.Locale;
        outgoing.ReplyToId ??= reply.ReplyToId;
        outgoing.Id = null;
    }
}
