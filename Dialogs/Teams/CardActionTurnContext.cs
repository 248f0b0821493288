using BackCareBot.Protocol.Builder;
using BackCareBot.Protocol.Schema;

namespace BackCareBot.Dialogs.Teams;

/// <summary>
/// Presents a card button press as the message the person would have typed, so the triage (and its safety
/// net) handles it exactly like typed text; the press's data, with the key of the question the card asked, travels in its value. Everything else — state, replies, the invoke response — goes to
/// the real turn, whose activity stays the invoke the channel sent.
/// </summary>
public sealed class CardActionTurnContext : ITurnContext
{
    private readonly ITurnContext _inner;

    public CardActionTurnContext(ITurnContext inner, string answer)
    {
        ArgumentNullException.ThrowIfNull(inner);
        _inner = inner;
        var invoke = inner.Activity;
        Activity = new Activity
        {
            Type = ActivityTypes.Message,
            Id = invoke.Id,
            Timestamp = invoke.Timestamp,
            LocalTimestamp = invoke.LocalTimestamp,
            LocalTimezone = invoke.LocalTimezone,
            ServiceUrl = invoke.ServiceUrl,
            ChannelId = invoke.ChannelId,
            From = invoke.From,
            Conversation = invoke.Conversation,
            Recipient = invoke.Recipient,
            Locale = invoke.Locale,
            Text = answer,
            Value = CardActionInvoke.AnswerData(invoke),
            ChannelData = invoke.ChannelData,
            CallerId = invoke.CallerId,
        };
    }

    public Activity Activity { get; }

    public IDictionary<string, object> TurnState => _inner.TurnState;

    public IReadOnlyList<Activity> SentActivities => _inner.SentActivities;

    public bool Responded => _inner.Responded;

    public InvokeResponse? InvokeResponse
    {
        get => _inner.InvokeResponse;
        set => _inner.InvokeResponse = value;
    }

    public Task<ResourceResponse> SendActivityAsync(Activity activity, CancellationToken cancellationToken = default) =>
        _inner.SendActivityAsync(activity, cancellationToken);

    public Task<ResourceResponse[]> SendActivitiesAsync(IReadOnlyList<Activity> activities, CancellationToken cancellationToken = default) =>
        _inner.SendActivitiesAsync(activities, cancellationToken);

    public Task<ResourceResponse> UpdateActivityAsync(Activity activity, CancellationToken cancellationToken = default) =>
        _inner.UpdateActivityAsync(activity, cancellationToken);

    public Task DeleteActivityAsync(string activityId, CancellationToken cancellationToken = default) =>
        _inner.DeleteActivityAsync(activityId, cancellationToken);
}
