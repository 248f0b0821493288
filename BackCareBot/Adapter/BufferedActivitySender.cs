using BackCareBot.Protocol.Builder;
using BackCareBot.Protocol.Schema;

namespace BackCareBot.Adapter;

/// <summary>
/// Holds a turn's replies until its state is saved. A turn that loses an ETag race is re-run, and
/// buffering is what lets the first attempt's replies be thrown away instead of reaching the person twice.
/// </summary>
internal sealed class BufferedActivitySender : IActivitySender
{
    private readonly List<Activity> _activities = [];
    private int _sequence;

    public IReadOnlyList<Activity> Activities => _activities;

    public Task<ResourceResponse[]> SendAsync(IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        _activities.AddRange(activities);
        return Task.FromResult(activities.Select(_ => new ResourceResponse($"pending-{++_sequence}")).ToArray());
    }

    public Task<ResourceResponse> UpdateAsync(Activity activity, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Updating an activity before the turn's replies are delivered is not supported.");

    public Task DeleteAsync(ConversationReference reference, string activityId, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Deleting an activity before the turn's replies are delivered is not supported.");
}
