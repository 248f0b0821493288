using System.Text.Json;
using System.Text.Json.Serialization;

namespace BackCareBot.Dialogs.Content;

/// <summary>
/// Reads the "conversation" section of a language's knowledge file and refuses to start with content that
/// is missing a message, tip, command or label, so nobody is ever sent a blank or half-built message.
/// </summary>
public static class ConversationContentLoader
{
    public static ConversationContent Load(string language = "en") =>
        Load(KnowledgeFile.Open(language), $"Knowledge/{language}.json");

    public static ConversationContent Load(Stream knowledgeFile, string sourceName)
    {
        ConversationContent? content;
        try
        {
            using var document = JsonDocument.Parse(knowledgeFile, KnowledgeFile.DocumentOptions);
            if (!document.RootElement.TryGetProperty("conversation", out var section))
            {
                throw new InvalidDataException($"{sourceName}: the \"conversation\" section is missing.");
            }

            content = section.Deserialize(ContentJsonContext.Default.ConversationContent);
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"{sourceName}: the conversation content is not valid ({exception.Message}).", exception);
        }

        if (content is null)
        {
            throw new InvalidDataException($"{sourceName}: the \"conversation\" section is empty.");
        }

        var problems = Validate(content).ToList();
        return problems.Count == 0
            ? content
            : throw new InvalidDataException($"{sourceName}: {string.Join(" ", problems)}");
    }

    private static IEnumerable<string> Validate(ConversationContent content)
    {
        foreach (var key in ContentKeys.Messages)
        {
            if (content.Messages is null || !content.Messages.TryGetValue(key, out var line) || string.IsNullOrWhiteSpace(line?.Text))
            {
                yield return $"Message \"{key}\" is missing or empty.";
            }
        }

        foreach (var key in ContentKeys.Tips)
        {
            if (content.Tips is null || !content.Tips.TryGetValue(key, out var line) || string.IsNullOrWhiteSpace(line?.Text))
            {
                yield return $"Tip \"{key}\" is missing or empty.";
            }
        }

        foreach (var key in ContentKeys.Commands)
        {
            if (content.Commands is null || !content.Commands.TryGetValue(key, out var phrases) || phrases is not { Count: > 0 })
            {
                yield return $"Command \"{key}\" has no phrases.";
            }
        }

        foreach (var key in ContentKeys.Answers)
        {
            if (content.Answers is null || !content.Answers.TryGetValue(key, out var phrases) || phrases is not { Count: > 0 })
            {
                yield return $"Answer list \"{key}\" has no phrases.";
            }
        }

        if (content.SymptomQuestions is not { Count: > 0 })
        {
            yield return "There are no symptom questions.";
        }
        else
        {
            foreach (var question in content.SymptomQuestions.Where(q => string.IsNullOrWhiteSpace(q.Id) || string.IsNullOrWhiteSpace(q.Flag) || string.IsNullOrWhiteSpace(q.Text)))
            {
                yield return $"Symptom question \"{question.Id}\" needs an id, a flag and a text.";
            }

            foreach (var question in content.SymptomQuestions.Where(q => content.Summary?.SymptomNames is null || !content.Summary.SymptomNames.ContainsKey(q.Id)))
            {
                yield return $"Symptom question \"{question.Id}\" has no name in summary.symptomNames.";
            }
        }

        if (content.LegDetailFlags is not { Count: 3 })
        {
            yield return "legDetailFlags must list exactly three flags (weakness, one leg, both legs).";
        }

        if (content.EmergencyNumbers is null || string.IsNullOrWhiteSpace(content.EmergencyNumbers.Unknown))
        {
            yield return "emergencyNumbers.unknown must say which numbers to call when the country is unknown.";
        }

        if (content.Summary is null)
        {
            yield return "The summary labels are missing.";
        }
        else
        {
            foreach (var unit in new[] { "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks", "month", "months" })
            {
                if (content.Summary.DurationUnits is null || !content.Summary.DurationUnits.ContainsKey(unit))
                {
                    yield return $"summary.durationUnits has no \"{unit}\".";
                }
            }

            foreach (var level in new[] { "emergency", "urgent", "gp", "selfcare" })
            {
                if (content.Summary.LevelNames is null || !content.Summary.LevelNames.ContainsKey(level))
                {
                    yield return $"summary.levelNames has no \"{level}\".";
                }
            }
        }

        if (content.LevelRules is null || content.LevelRules.GpWhenOnsetLongerThanSeconds <= 0 || content.LevelRules.HeatAfterSeconds <= 0)
        {
            yield return "levelRules needs positive gpWhenOnsetLongerThanSeconds and heatAfterSeconds.";
        }

        if (content.RedFlagNames is null)
        {
            yield return "redFlagNames is missing.";
        }
    }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip)]
[JsonSerializable(typeof(ConversationContent))]
internal sealed partial class ContentJsonContext : JsonSerializerContext;
