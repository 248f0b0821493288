namespace BackCareBot.Dialogs.Recognition;

/// <summary>Why a red flag that was mentioned does not count.</summary>
public enum IgnoreReason
{
    Negated,
    Hypothetical,
    OtherPerson,
    Past,
}

/// <summary>Whether a duration is the time since the pain began or the length of one spasm.</summary>
public enum DurationKind
{
    SinceOnset,
    Episode,
}

/// <summary>A red flag the person affirmed about themselves; Evidence is the span of their own words.</summary>
public sealed record RedFlagMention(string Id, RedFlagLevel Level, string Evidence);

/// <summary>A red flag that was mentioned but does not count, and why.</summary>
public sealed record IgnoredFlag(string Id, IgnoreReason Reason);

/// <summary>A duration in seconds, with the words it was read from.</summary>
public sealed record DurationMention(string Text, long Seconds, DurationKind Kind);

/// <summary>How the pain started: Pace is "sudden" or "gradual", Trigger one of the trigger ids; either may be unknown.</summary>
public sealed record OnsetInfo(string? Pace, string? Trigger);

/// <summary>Everything the recogniser found in one utterance.</summary>
public sealed record RecognitionResult(
    RedFlagLevel Level,
    IReadOnlyList<RedFlagMention> RedFlags,
    IReadOnlyList<IgnoredFlag> IgnoredFlags,
    IReadOnlyList<DurationMention> Durations,
    IReadOnlyList<string> Locations,
    int? Severity,
    OnsetInfo? Onset)
{
    public static RecognitionResult Empty { get; } = new(RedFlagLevel.None, [], [], [], [], null, null);

    /// <summary>
    /// This result with more red flags (and flags ignored elsewhere) added; it never removes or lowers anything.
    /// A flag affirmed anywhere counts, even where another part denies it.
    /// </summary>
    public RecognitionResult WithRedFlags(IEnumerable<RedFlagMention> more, IEnumerable<IgnoredFlag>? moreIgnored = null)
    {
        List<RedFlagMention> flags = [.. RedFlags];
        foreach (var flag in more)
        {
            if (!flags.Exists(f => f.Id == flag.Id))
            {
                flags.Add(flag);
            }
        }

        if (flags.Count == RedFlags.Count && moreIgnored is null)
        {
            return this;
        }

        var level = flags.Count == 0 ? Level : flags.Max(f => f.Level);
        return this with
        {
            Level = level > Level ? level : Level,
            RedFlags = flags,
            IgnoredFlags = [.. IgnoredFlags.Concat(moreIgnored ?? []).Distinct().Where(i => !flags.Exists(f => f.Id == i.Id))],
        };
    }
}
