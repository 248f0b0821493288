namespace BackCareBot.Dialogs.Content;

/// <summary>
/// Everything the bot says in one language, as a clinician reviewed it in the knowledge file. Loaded and
/// validated once at start-up by <see cref="ConversationContentLoader"/>.
/// </summary>
public sealed record ConversationContent(
    EmergencyNumbers EmergencyNumbers,
    IReadOnlyDictionary<string, Line> Messages,
    IReadOnlyList<SymptomQuestion> SymptomQuestions,
    IReadOnlyList<string> LegDetailFlags,
    IReadOnlyDictionary<string, string> RedFlagNames,
    LevelRules LevelRules,
    IReadOnlyDictionary<string, Line> Tips,
    SummaryLabels Summary,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Commands,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Answers)
{
    /// <summary>A message by key; the loader has already proved every key the bot uses exists.</summary>
    public Line Message(string key) => Messages[key];

    public Line Tip(string key) => Tips[key];

    /// <summary>The red flags a symptom question asks about: its own, or, for the legs question, each leg flag.</summary>
    public IReadOnlyList<string> FlagsAskedBy(SymptomQuestion question) =>
        question.FollowUp is null ? [question.Flag] : LegDetailFlags;

    public string RedFlagName(string id) => RedFlagNames.TryGetValue(id, out var name) ? name : id.Replace('_', ' ');
}

/// <summary>One thing the bot says: what is shown, what is spoken when it should differ, and any buttons.</summary>
public sealed record Line(string Text, string? Speak = null, IReadOnlyList<string>? Choices = null);

/// <summary>A yes/no question about a symptom that people rarely mention unless asked.</summary>
public sealed record SymptomQuestion(string Id, string Flag, string Text, string? Speak = null, string? FollowUp = null, bool SkipWhenTriggerKnown = false);

public sealed record EmergencyNumbers(IReadOnlyDictionary<string, string> ByCountry, string Unknown);

public sealed record LevelRules(long GpWhenOnsetLongerThanSeconds, IReadOnlyList<string> GpWhenSpreadsTo, long HeatAfterSeconds);

public sealed record SummaryLabels(
    string Title,
    string Disclaimer,
    string Onset,
    string OnsetUnknown,
    string Pace,
    string PaceSudden,
    string PaceGradual,
    string Trigger,
    string Location,
    string Severity,
    string Symptoms,
    string Yes,
    string No,
    string NotAsked,
    string NotSure,
    string Level,
    IReadOnlyDictionary<string, string> LevelNames,
    IReadOnlyDictionary<string, string> TriggerNames,
    IReadOnlyDictionary<string, string> LocationNames,
    IReadOnlyDictionary<string, string> DurationUnits,
    string Ago,
    string Episode,
    string And,
    IReadOnlyDictionary<string, string> SymptomNames);
