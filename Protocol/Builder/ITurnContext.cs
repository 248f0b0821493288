using BackCareBot.Protocol.Schema;

namespace BackCareBot.Protocol.Builder;

/// <summary>
/// One turn: the incoming activity, the way to answer it, and a record of what was answered so
/// middleware can inspect it.
/// </summary>
public interface ITurnContext
{
    Activity Activity { get; }

    /// <summary>Whatever the turn's parts want to share (state caches, the recogniser's result).</summary>
    IDictionary<string, object> TurnState { get; }

    /// <summary>Activities sent so far in this turn, in order.</summary>
    IReadOnlyList<Activity> SentActivities { get; }

    /// <summary>True once any message has been sent in this turn.</summary>
    bool Responded { get; }

    /// <summary>Set by an invoke handler; written as the HTTP response of an invoke.</summary>
    InvokeResponse? InvokeResponse { get; set; }

    Task<ResourceResponse> SendActivityAsync(Activity activity, CancellationToken cancellationToken = default);

    Task<ResourceResponse[]> SendActivitiesAsync(IReadOnlyList<Activity> activities, CancellationToken cancellationToken = default);

    Task<ResourceResponse> UpdateActivityAsync(Activity activity, CancellationToken cancellationToken = default);

    Task DeleteActivityAsync(string activityId, CancellationToken cancellationToken = default);
}
