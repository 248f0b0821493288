namespace BackCareBot.Dialogs.Recognition.Vocabulary;

/// <summary>
/// One red flag as the clinician wrote it: phrases that raise it, phrases that rule a mention out, phrases
/// that can only deny it ("bladder's fine"), and phrases that cancel it anywhere in the sentence ("but didn't fall").
/// </summary>
public sealed record RedFlagDefinition(
    string Id,
    RedFlagLevel Level,
    string Description,
    IReadOnlyList<string> Phrases,
    IReadOnlyList<string> NotWhen,
    IReadOnlyList<string> Supersedes,
    bool HistoryCounts)
{
    public IReadOnlyList<string> Denials { get; init; } = [];

    public IReadOnlyList<string> CancelledBy { get; init; } = [];

    /// <summary>What a person can lose over <see cref="LostAbilityAreas"/>: "control", "feeling", "strength".</summary>
    public IReadOnlyList<string> LostAbilities { get; init; } = [];

    /// <summary>Parts of the body whose lost ability raises this flag: "don't have any control over my bladder".</summary>
    public IReadOnlyList<string> LostAbilityAreas { get; init; } = [];

    /// <summary>Whether a <see cref="Denials"/> word said to be not fine raises the flag: "my bowels aren't right".</summary>
    public bool NotFineCounts { get; init; }
}

/// <summary>
/// Thermometer readings: a number after a cue word ("temp 39.8") or before a unit ("104F") is a temperature; at or
/// above the fever line it raises <see cref="Flag"/>, and a normal reading keeps "temperature is 36.8" from raising it.
/// </summary>
public sealed record TemperatureVocabulary(
    string Flag,
    IReadOnlyList<string> Cues,
    IReadOnlyList<string> Celsius,
    IReadOnlyList<string> Fahrenheit,
    TemperatureScale CelsiusScale,
    TemperatureScale FahrenheitScale);

/// <summary>The readings a scale can plausibly give for a person, and where fever starts on it.</summary>
public sealed record TemperatureScale(double Lowest, double Highest, double Fever);

/// <summary>An id (location, pace, trigger) with the phrases that name it.</summary>
public sealed record PhraseGroup(string Id, IReadOnlyList<string> Phrases, IReadOnlyList<string> NotWhen);

/// <summary>Words for a pain score when the person gives no number.</summary>
public sealed record SeverityBand(int Value, IReadOnlyList<string> Phrases);

/// <summary>A point in time such as "last night", resolved against the time of the message.</summary>
/// When Start is given and the clock time is still to come today ("this afternoon" at 13:00), the midpoint
/// between Start and now is used instead.
public sealed record RelativeTime(string Phrase, int DaysBack, TimeSpan? Clock, DayOfWeek? Weekday, TimeSpan? Start = null);

/// <summary>ConText cue lists and the distances (in words) over which they reach.</summary>
public sealed record ContextVocabulary(
    int NegationWindow,
    int HypotheticalWindow,
    int NearWindow,
    int PastWindow,
    int AfterWindow,
    IReadOnlyList<string> Negation,
    IReadOnlyList<string> NegationAfter,
    IReadOnlyList<string> AssertiveNegatives,
    IReadOnlyList<string> Pseudo,
    IReadOnlyList<string> Uncertainty,
    IReadOnlyList<string> Terminators,
    IReadOnlyList<string> ClauseStarters,
    IReadOnlyList<string> ClauseJoiners,
    IReadOnlyList<string> Hypothetical,
    IReadOnlyList<string> HypotheticalNear,
    IReadOnlyList<string> OtherPerson,
    IReadOnlyList<string> OtherPersonAfter,
    IReadOnlyList<string> FirstPerson,
    IReadOnlyList<string> Past,
    IReadOnlyList<string> Resolved,
    IReadOnlyList<string> Current,
    IReadOnlyList<string> Anaphora)
{
    /// <summary>"except", "apart from": a negated symptom followed by an exception is partly present.</summary>
    public IReadOnlyList<string> Exceptions { get; init; } = [];

    /// <summary>Before the mention, same scope: "why does it wake me" reports, "would chest pain be a reason" asks.</summary>
    public IReadOnlyList<string> HypotheticalAfter { get; init; } = [];

    /// <summary>After the mention, same sentence: "my mum has cancer and so do I" includes the person.</summary>
    public IReadOnlyList<string> SpeakerToo { get; init; } = [];

    /// <summary>After a negation, same clause: "never had chest pain like this" reports something new, not an absence.</summary>
    public IReadOnlyList<string> Novelty { get; init; } = [];

    /// <summary>Between a negation and the part of the body, these keep it a denial: "don't have any problems controlling".</summary>
    public IReadOnlyList<string> AbilityKeptBy { get; init; } = [];

    /// <summary>Words of loss or doubt before an ability: "losing strength", "trouble controlling", "not sure I can feel".</summary>
    public IReadOnlyList<string> AbilityLoss { get; init; } = [];

    /// <summary>Closing an ability, these make it partial: "I can control my bladder, but not always".</summary>
    public IReadOnlyList<string> AbilityPartlyAfter { get; init; } = [];

    /// <summary>Verbs of having: "my legs have no feeling" reports a loss; "my legs don't feel weak" does not.</summary>
    public IReadOnlyList<string> Possession { get; init; } = [];

    /// <summary>Pronouns that may point back to the person's own body parts: "my legs are not ok, they keep giving way".</summary>
    public IReadOnlyList<string> PartPronouns { get; init; } = [];

    /// <summary>Body parts that come in pairs or more, which a <see cref="PartPronouns"/> pronoun may point back to.</summary>
    public IReadOnlyList<string> PluralParts { get; init; } = [];

    /// <summary>After "and", a comma or "but", these open a predicate that shares the subject before: "my leg aches and is weak".</summary>
    public IReadOnlyList<string> CoordinatedPredicates { get; init; } = [];

    /// <summary>The first of these splits a statement into its subject and what is said of it: "wee | is | under control".</summary>
    public IReadOnlyList<string> Auxiliaries { get; init; } = [];

    /// <summary>A short statement ending or opening with one of these borrows the statement before it: "poo is not".</summary>
    public IReadOnlyList<string> EllipsisNegatives { get; init; } = [];

    /// <summary>Words that may close such a short statement: "poo isn't either".</summary>
    public IReadOnlyList<string> EllipsisTrailers { get; init; } = [];

    /// <summary>Closing words that make such a statement add to the one before, not contrast with it: "not my bowels either".</summary>
    public IReadOnlyList<string> EllipsisAlso { get; init; } = [];

    /// <summary>Sides that stand for a part of the body named in the statement before: "but not my right" (leg).</summary>
    public IReadOnlyList<string> EllipsisSides { get; init; } = [];

    /// <summary>The person as a whole, whose place a part named after "but not" takes: "I feel fine but not my bowels".</summary>
    public IReadOnlyList<string> EllipsisSelves { get; init; } = [];

    /// <summary>Words that open a time, not a part that could take the person's place: "I feel fine but not when I pee".</summary>
    public IReadOnlyList<string> EllipsisCircumstances { get; init; } = [];

    /// <summary>Parts that share a verb with the part after "and": "my legs and feet are numb" is one subject.</summary>
    public IReadOnlyList<string> ListedParts { get; init; } = [];

    /// <summary>Such a part after a preposition, so not a subject: "no tingling in my hands and feet are numb".</summary>
    public IReadOnlyList<string> PartObjects { get; init; } = [];

    /// <summary>Right after a negation or a weakening word, these say something is wrong: "my bowels aren't right".</summary>
    public IReadOnlyList<string> WrongWhenNegated { get; init; } = [];
}

/// <summary>Words that shape a duration: points in time, spasm length cues, frequency cues.</summary>
public sealed record DurationVocabulary(
    IReadOnlyList<RelativeTime> RelativeTimes,
    IReadOnlyDictionary<string, DayOfWeek> Weekdays,
    IReadOnlyList<string> NotOnsetBefore,
    IReadOnlyList<string> EpisodeBefore,
    IReadOnlyList<string> EpisodeAfter,
    IReadOnlyList<string> FrequencyBefore,
    IReadOnlyList<string> FrequencyAfter,
    IReadOnlyList<string> NotDurationAfter,
    IReadOnlyList<string> NotDurationBefore,
    IReadOnlyList<string> RangeWords,
    IReadOnlyList<string> HalfWords,
    IReadOnlyList<string> AgoWords,
    IReadOnlyList<string> Fillers,
    string LastWord,
    IReadOnlyList<string> LastAdjectiveBefore);

/// <summary>Words around a pain score, and word bands used when no number is given.</summary>
public sealed record SeverityVocabulary(
    IReadOnlyList<string> OutOf,
    IReadOnlyList<string> Cues,
    IReadOnlyList<string> NotAfter,
    IReadOnlyList<SeverityBand> Bands,
    IReadOnlyList<string> NotWhen);
