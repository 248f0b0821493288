namespace BackCareBot.Dialogs.Triage;

/// <summary>
/// What one message told the triage, as the recogniser read it: the triage works from this, never from
/// the message text, so the text need not be kept.
/// </summary>
public sealed record Observation(
    IReadOnlyList<FlagMention> AffirmedFlags,
    IReadOnlyList<string> DeniedFlags,
    IReadOnlyList<string> HypotheticalFlags,
    long? OnsetSeconds,
    long? EpisodeSeconds,
    IReadOnlyList<string> Locations,
    int? Severity,
    string? Pace,
    string? Trigger)
{
    public static Observation Nothing { get; } = new([], [], [], null, null, [], null, null, null);

    public bool IsEmergency => AffirmedFlags.Any(f => f.Level == TriageLevel.Emergency);
}

/// <summary>An affirmed red flag and its level.</summary>
public sealed record FlagMention(string Id, TriageLevel Level);
