namespace BackCareBot.Dialogs.Triage;

/// <summary>
/// Slot filling: folds what one message said into what the conversation knows. Newer answers replace older
/// ones ("actually it's the upper back"), except red flags, which are only ever added.
/// </summary>
public static class FactsMerger
{
    private static readonly HashSet<string> BackRegions = ["upper_back", "middle_back", "lower_back", "between_shoulder_blades"];
    private static readonly HashSet<string> Sides = ["left", "right", "both_sides"];

    /// <summary>Applies the observation and returns which slots it filled or changed.</summary>
    public static MergeResult Merge(TriageFacts facts, Observation observation)
    {
        var filled = new List<Slot>();
        var corrected = false;

        if (observation.OnsetSeconds is { } onset)
        {
            corrected |= facts.OnsetSeconds is not null && facts.OnsetSeconds != onset;
            filled.Add(Slot.OnsetTime);
            facts.OnsetSeconds = onset;
        }

        if (observation.EpisodeSeconds is { } episode)
        {
            facts.EpisodeSeconds = episode;
        }

        if (observation.Pace is { } pace)
        {
            facts.Pace = pace;
            facts.OnsetHowAnswered = true;
            filled.Add(Slot.OnsetHow);
        }

        if (observation.Trigger is { } trigger)
        {
            facts.Trigger = trigger;
            facts.OnsetHowAnswered = true;
            filled.Add(Slot.OnsetHow);
        }

        if (observation.Locations.Count > 0)
        {
            corrected |= MergeLocations(facts, observation.Locations);
            if (facts.Locations.Any(BackRegions.Contains))
            {
                filled.Add(Slot.Location);
            }
        }

        if (observation.Severity is { } severity)
        {
            corrected |= facts.Severity is not null && facts.Severity != severity;
            facts.Severity = severity;
            filled.Add(Slot.Severity);
        }

        foreach (var flag in observation.AffirmedFlags)
        {
            facts.AddRedFlag(flag.Id);
        }

        foreach (var denied in observation.DeniedFlags)
        {
            if (!facts.RedFlags.Contains(denied) && !facts.DeniedFlags.Contains(denied))
            {
                facts.DeniedFlags.Add(denied);
            }
        }

        return new MergeResult([.. filled.Distinct()], corrected);
    }

    // A new back region or side replaces the old one (a correction); spreading adds up.
    private static bool MergeLocations(TriageFacts facts, IReadOnlyList<string> locations)
    {
        var corrected = false;
        foreach (var group in new[] { BackRegions, Sides })
        {
            var mentioned = locations.Where(group.Contains).ToList();
            if (mentioned.Count == 0)
            {
                continue;
            }

            var previous = facts.Locations.Where(group.Contains).ToList();
            corrected |= previous.Count > 0 && !previous.SequenceEqual(mentioned);
            facts.Locations.RemoveAll(group.Contains);
            facts.Locations.AddRange(mentioned);
        }

        foreach (var other in locations.Where(l => !BackRegions.Contains(l) && !Sides.Contains(l) && !facts.Locations.Contains(l)))
        {
            facts.Locations.Add(other);
        }

        return corrected;
    }
}

/// <summary>The question-slots a message answered.</summary>
public enum Slot
{
    OnsetTime,
    OnsetHow,
    Location,
    Severity,
}

public sealed record MergeResult(IReadOnlyList<Slot> Filled, bool Corrected);
