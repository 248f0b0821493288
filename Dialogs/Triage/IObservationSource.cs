namespace BackCareBot.Dialogs.Triage;

/// <summary>Reads a message into an <see cref="Observation"/>; implemented over the recogniser.</summary>
public interface IObservationSource
{
    ValueTask<Observation> ObserveAsync(string text, DateTimeOffset referenceTime, CancellationToken cancellationToken);

    /// <summary>The level of a red flag id, for flags the person affirms by answering a direct question.</summary>
    TriageLevel LevelOf(string flagId);
}
