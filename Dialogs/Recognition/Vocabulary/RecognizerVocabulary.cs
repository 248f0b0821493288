using System.Text.Json;
using BackCareBot.Dialogs.Content;

namespace BackCareBot.Dialogs.Recognition.Vocabulary;

/// <summary>
/// One language's recogniser vocabulary, read from its knowledge file. Loading validates everything the
/// engine relies on, so a malformed file stops start-up with a message naming the problem.
/// </summary>
public sealed class RecognizerVocabulary
{
    public required string Language { get; init; }
    public required int MaxGap { get; init; }
    public required int FuzzyMinLength { get; init; }
    public int WideGap { get; init; }
    public IReadOnlyList<string> GapStops { get; init; } = [];
    public IReadOnlyList<string> WideStops { get; init; } = [];
    public required IReadOnlyDictionary<string, string> Spellings { get; init; }
    public required IReadOnlyDictionary<string, string> Joins { get; init; }
    public required IReadOnlyDictionary<string, IReadOnlyList<string>> WordClasses { get; init; }
    public required IReadOnlyList<RedFlagDefinition> RedFlags { get; init; }
    public required ContextVocabulary Context { get; init; }
    public required IReadOnlyDictionary<string, double> Numbers { get; init; }
    public required IReadOnlyList<string> ApproximateNumbers { get; init; }
    public required IReadOnlyDictionary<string, double> Units { get; init; }
    public required DurationVocabulary Durations { get; init; }
    public required SeverityVocabulary Severity { get; init; }
    public required IReadOnlyList<PhraseGroup> Locations { get; init; }
    public required IReadOnlyList<PhraseGroup> Paces { get; init; }
    public required IReadOnlyList<PhraseGroup> Triggers { get; init; }
    public required IReadOnlyList<string> KnownWords { get; init; }
    public TemperatureVocabulary? Temperature { get; init; }

    /// <summary>Parses and validates a knowledge file; source names it in error messages.</summary>
    public static RecognizerVocabulary Load(string json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, KnowledgeFile.DocumentOptions);
        }
        catch (JsonException ex)
        {
            throw new RecognizerVocabularyException($"{source}: not valid JSON ({ex.Message})", ex);
        }

        using (document)
        {
            return new VocabularyReader(source).Read(document.RootElement);
        }
    }

    /// <summary>Loads the knowledge file embedded in this assembly for a language ("en").</summary>
    public static RecognizerVocabulary LoadEmbedded(string language = "en")
    {
        using var stream = KnowledgeFile.Open(language);
        using var reader = new StreamReader(stream);
        return Load(reader.ReadToEnd(), $"{language}.json");
    }
}
