namespace BackCareBot.Dialogs.Recognition.Matching;

/// <summary>What a compiled phrase stands for; every extractor reads the matches of its own kinds.</summary>
internal enum PatternKind : byte
{
    RedFlag,
    RedFlagBlocker,
    RedFlagDenial,
    RedFlagCanceller,
    LostAbility,
    LostAbilityArea,
    TemperatureCue,
    CelsiusUnit,
    FahrenheitUnit,
    Exception,
    HypotheticalAfter,
    SpeakerToo,
    Negation,
    NegationAfter,
    Novelty,
    AbilityKeptBy,
    AbilityLoss,
    Possession,
    PartPronoun,
    PluralPart,
    CoordinatedPredicate,
    Auxiliary,
    EllipsisNegative,
    EllipsisTrailer,
    Pseudo,
    Terminator,
    ClauseStarter,
    ClauseJoiner,
    Hypothetical,
    HypotheticalNear,
    OtherPerson,
    OtherPersonAfter,
    FirstPerson,
    Past,
    Resolved,
    Current,
    Anaphora,
    RelativeTime,
    EpisodeBefore,
    EpisodeAfter,
    FrequencyBefore,
    FrequencyAfter,
    NotDurationAfter,
    NotDurationBefore,
    NotOnsetBefore,
    RangeWord,
    HalfWord,
    AgoWord,
    DurationFiller,
    LastAdjectiveBefore,
    OutOf,
    SeverityCue,
    SeverityNotAfter,
    SeverityBand,
    SeverityBlocker,
    Location,
    LocationBlocker,
    Pace,
    Trigger,
    TriggerBlocker,
}

/// <summary>A phrase found in an utterance: tokens Start..End inclusive; Index says which entry of its kind.</summary>
internal readonly record struct PhraseMatch(PatternKind Kind, int Index, int Start, int End)
{
    public int Length => End - Start + 1;

    public bool Overlaps(int start, int end) => Start <= end && start <= End;
}
