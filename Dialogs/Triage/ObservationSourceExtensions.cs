using BackCareBot.Protocol.Schema;

namespace BackCareBot.Dialogs.Triage;

public static class ObservationSourceExtensions
{
    /// <summary>
    /// Reads what a person said in an activity. Relative times ("this morning") resolve against their own
    /// clock when the channel sends it; blank text says nothing.
    /// </summary>
    public static async ValueTask<Observation> ObserveAsync(
        this IObservationSource source, string? text, Activity activity, TimeProvider time, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(text)
            ? Observation.Nothing
            : await source.ObserveAsync(text, activity.LocalTimestamp ?? time.GetLocalNow(), cancellationToken);
}
