using System.Globalization;
using System.Text.Json;
using BackCareBot.Dialogs.Recognition;

namespace BackCareBot.Tests.Recognition;

/// <summary>
/// Runs every case of every JSON spec file in Specs/ as its own theory case, so a failure names the
/// utterance. The file format is shared with spec files written by others (patients-*.json).
/// </summary>
public sealed class SpecCaseTests
{
    private const string DefaultNow = "2026-11-21T12:00:00Z";
    private static readonly Lazy<Recognizer> SharedRecognizer = new(Recognizer.CreateDefault);
    private static readonly string SpecDirectory = Path.Combine(AppContext.BaseDirectory, "Recognition", "Specs");

    public static TheoryData<string, int, string> Cases()
    {
        var data = new TheoryData<string, int, string>();
        foreach (var file in Directory.EnumerateFiles(SpecDirectory, "*.json").Order(StringComparer.Ordinal))
        {
            using var document = Load(file);
            var index = 0;
            foreach (var item in document.RootElement.EnumerateArray())
            {
                data.Add(Path.GetFileName(file), index++, item.GetProperty("text").GetString() ?? "");
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Recognize_SpecCase_MatchesExpectation(string file, int index, string text)
    {
        using var document = Load(Path.Combine(SpecDirectory, file));
        var spec = document.RootElement[index];
        var now = DateTimeOffset.Parse(
            spec.TryGetProperty("now", out var nowElement) ? nowElement.GetString()! : DefaultNow,
            CultureInfo.InvariantCulture);

        var result = SharedRecognizer.Value.Recognize(text, now);
        var problems = SpecExpectations.Check(spec, result);

        Assert.True(problems.Count == 0, $"{file}[{index}] \"{text}\": {string.Join("; ", problems)}\n  got: {Describe(result)}");
    }

    private static JsonDocument Load(string file) =>
        JsonDocument.Parse(File.ReadAllText(file), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });

    private static string Describe(RecognitionResult r) =>
        $"level={RecognitionJsonWriter.LevelName(r.Level)} flags=[{string.Join(",", r.RedFlags.Select(f => $"{f.Id}:'{f.Evidence}'"))}] " +
        $"ignored=[{string.Join(",", r.IgnoredFlags.Select(f => $"{f.Id}:{RecognitionJsonWriter.ReasonName(f.Reason)}"))}] " +
        $"durations=[{string.Join(",", r.Durations.Select(d => $"{d.Text}={d.Seconds}s/{d.Kind}"))}] " +
        $"locations=[{string.Join(",", r.Locations)}] severity={r.Severity} onset={r.Onset?.Pace}/{r.Onset?.Trigger}";
}
