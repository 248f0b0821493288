using System.Text.Json;
using BackCareBot.Dialogs.Recognition;

namespace BackCareBot.Tests.Recognition;

/// <summary>Compares a recognition result with the optional expectations of one spec case and lists every mismatch.</summary>
internal static class SpecExpectations
{
    private const double DurationTolerance = 0.10;

    public static List<string> Check(JsonElement spec, RecognitionResult result)
    {
        var problems = new List<string>();
        if (spec.TryGetProperty("level", out var level) && RecognitionJsonWriter.LevelName(result.Level) != level.GetString())
        {
            problems.Add($"level expected {level.GetString()}");
        }

        var affirmed = result.RedFlags.Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var id in Strings(spec, "redFlags").Where(id => !affirmed.Contains(id)))
        {
            problems.Add($"red flag {id} not affirmed");
        }

        foreach (var id in Strings(spec, "notRedFlags").Where(affirmed.Contains))
        {
            problems.Add($"red flag {id} must not be affirmed");
        }

        if (spec.TryGetProperty("ignored", out var ignored))
        {
            foreach (var item in ignored.EnumerateArray())
            {
                var id = item.GetProperty("id").GetString();
                var reason = item.GetProperty("reason").GetString();
                if (!result.IgnoredFlags.Any(f => f.Id == id && RecognitionJsonWriter.ReasonName(f.Reason) == reason))
                {
                    problems.Add($"expected {id} ignored as {reason}");
                }
            }
        }

        CheckDurations(spec, result, problems);

        foreach (var id in Strings(spec, "locations").Where(id => !result.Locations.Contains(id)))
        {
            problems.Add($"location {id} missing");
        }

        if (spec.TryGetProperty("severity", out var severity) && result.Severity != severity.GetInt32())
        {
            problems.Add($"severity expected {severity.GetInt32()}");
        }

        if (spec.TryGetProperty("onset", out var onset))
        {
            if (onset.TryGetProperty("pace", out var pace) && result.Onset?.Pace != pace.GetString())
            {
                problems.Add($"pace expected {pace.GetString()}");
            }

            if (onset.TryGetProperty("trigger", out var trigger) && result.Onset?.Trigger != trigger.GetString())
            {
                problems.Add($"trigger expected {trigger.GetString()}");
            }
        }

        return problems;
    }

    private static void CheckDurations(JsonElement spec, RecognitionResult result, List<string> problems)
    {
        if (spec.TryGetProperty("noDurations", out var none) && none.ValueKind == JsonValueKind.True && result.Durations.Count > 0)
        {
            problems.Add("expected no durations");
        }

        if (!spec.TryGetProperty("durations", out var durations))
        {
            return;
        }

        var unused = result.Durations.ToList();
        foreach (var expected in durations.EnumerateArray())
        {
            var seconds = expected.GetProperty("seconds").GetDouble();
            var kind = expected.TryGetProperty("kind", out var k) ? k.GetString() : null;
            var match = unused.FirstOrDefault(d =>
                Math.Abs(d.Seconds - seconds) <= Math.Max(1, seconds * DurationTolerance)
                && (kind is null || (d.Kind == DurationKind.Episode ? "episode" : "since_onset") == kind));
            if (match is null)
            {
                problems.Add($"duration {seconds}s {kind} missing");
            }
            else
            {
                unused.Remove(match);
            }
        }
    }

    private static IEnumerable<string> Strings(JsonElement spec, string name) =>
        spec.TryGetProperty(name, out var array) ? array.EnumerateArray().Select(e => e.GetString()!) : [];
}
