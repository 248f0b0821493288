using BackCareBot.Dialogs.Recognition;
using BackCareBot.Dialogs.Recognition.Cloud;
using BackCareBot.Dialogs.Triage;

namespace BackCareBot.Dialogs.Bot;

/// <summary>
/// The seam between the recogniser and the triage: reads its result as an <see cref="Observation"/>. With
/// cloud enrichment configured the cloud may add findings; the local recogniser always runs and decides alone
/// when the cloud is slow or away.
/// </summary>
public sealed class RecognizerObservationSource(
    IRecognizer recognizer,
    IReadOnlyDictionary<string, RedFlagLevel> flagLevels,
    CloudEnrichedRecognizer? cloud = null) : IObservationSource
{
    public async ValueTask<Observation> ObserveAsync(string text, DateTimeOffset referenceTime, CancellationToken cancellationToken)
    {
        var result = cloud is null
            ? recognizer.Recognize(text, referenceTime)
            : await cloud.RecognizeAsync(text, referenceTime, cancellationToken);
        return new Observation(
            [.. result.RedFlags.Select(flag => new FlagMention(flag.Id, ToTriageLevel(flag.Level)))],
            [.. result.IgnoredFlags.Where(f => f.Reason == IgnoreReason.Negated).Select(f => f.Id)],
            [.. result.IgnoredFlags.Where(f => f.Reason == IgnoreReason.Hypothetical).Select(f => f.Id)],
            result.Durations.FirstOrDefault(d => d.Kind == DurationKind.SinceOnset)?.Seconds,
            result.Durations.FirstOrDefault(d => d.Kind == DurationKind.Episode)?.Seconds,
            result.Locations,
            result.Severity,
            result.Onset?.Pace,
            result.Onset?.Trigger);
    }

    // An id the vocabulary does not know is treated as an emergency: a content mistake must fail safe.
    public TriageLevel LevelOf(string flagId) =>
        flagLevels.TryGetValue(flagId, out var level) ? ToTriageLevel(level) : TriageLevel.Emergency;

    private static TriageLevel ToTriageLevel(RedFlagLevel level) => level switch
    {
        RedFlagLevel.Emergency => TriageLevel.Emergency,
        RedFlagLevel.Urgent => TriageLevel.Urgent,
        RedFlagLevel.Gp => TriageLevel.Gp,
        _ => TriageLevel.SelfCare,
    };
}
