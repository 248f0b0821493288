using System.Text.Json.Serialization;

namespace BackCareBot.Dialogs.Triage;

/// <summary>What the person reported and the advice given, in a form a clinician or another system can read.</summary>
public sealed record TriageSummary(
    long? OnsetSeconds,
    long? EpisodeSeconds,
    string? Pace,
    string? Trigger,
    IReadOnlyList<string> Locations,
    int? Severity,
    IReadOnlyDictionary<string, string> Symptoms,
    string Level,
    IReadOnlyList<string> RedFlags);

/// <summary>The value of the "triage.outcome" trace activity.</summary>
public sealed record TriageOutcomeTrace(string Level, IReadOnlyList<string> RedFlags, TriageSummary Summary);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(TriageOutcomeTrace))]
internal sealed partial class TriageTraceJsonContext : JsonSerializerContext;
