using System.Text.Json.Serialization;

namespace BackCareBot.Dialogs.Triage;

/// <summary>
/// What the person has told the bot in this conversation, reduced to the facts the triage needs. No free
/// text is kept: only ids, numbers and answers, so stored state stays minimal.
/// </summary>
public sealed class TriageFacts
{
    /// <summary>Seconds between the start of the pain and the message that said so.</summary>
    public long? OnsetSeconds { get; set; }

    /// <summary>How long one spasm lasts, when the person said.</summary>
    public long? EpisodeSeconds { get; set; }

    public string? Pace { get; set; }

    public string? Trigger { get; set; }

    /// <summary>True once the person answered how it started, even with "not sure".</summary>
    public bool OnsetHowAnswered { get; set; }

    public List<string> Locations { get; set; } = [];

    public int? Severity { get; set; }

    /// <summary>Red flags the person affirmed, in the order they came up. Never removed: caution wins.</summary>
    public List<string> RedFlags { get; set; } = [];

    /// <summary>Answers to the direct symptom questions, by question id.</summary>
    public Dictionary<string, SymptomAnswer> SymptomAnswers { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Red flags the person clearly denied ("I can pee fine"), so their question need not be asked.</summary>
    public List<string> DeniedFlags { get; set; } = [];

    /// <summary>The symptom question waiting for an answer, so a free-text answer can be matched to it.</summary>
    public string? PendingQuestion { get; set; }

    /// <summary>The level of the last finished triage, for commands after the outcome.</summary>
    public TriageLevel? Outcome { get; set; }

    [JsonIgnore]
    public bool IsEmpty =>
        OnsetSeconds is null && EpisodeSeconds is null && Pace is null && Trigger is null && Locations.Count == 0 &&
        Severity is null && RedFlags.Count == 0 && SymptomAnswers.Count == 0 && DeniedFlags.Count == 0;

    public void AddRedFlag(string id)
    {
        if (!RedFlags.Contains(id))
        {
            RedFlags.Add(id);
        }

        DeniedFlags.Remove(id);
    }
}

/// <summary>Per-conversation housekeeping that is not about symptoms.</summary>
public sealed class ConversationFlags
{
    public bool Welcomed { get; set; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, UseStringEnumConverter = true)]
[JsonSerializable(typeof(TriageFacts))]
[JsonSerializable(typeof(ConversationFlags))]
internal sealed partial class TriageJsonContext : JsonSerializerContext;
