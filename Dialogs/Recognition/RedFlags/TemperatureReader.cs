using BackCareBot.Dialogs.Recognition.Matching;
using BackCareBot.Dialogs.Recognition.Text;
using BackCareBot.Dialogs.Recognition.Vocabulary;

namespace BackCareBot.Dialogs.Recognition.RedFlags;

/// <summary>A thermometer reading in a message: tokens Start..End, and whether it is a fever.</summary>
internal readonly record struct TemperatureReading(int Start, int End, bool Fever);

/// <summary>
/// Finds thermometer readings ("temp was 39.8", "104F", "38.5 degrees"). A number counts only with a unit or a
/// cue word near it, and only inside the range a person's temperature can have on its scale.
/// </summary>
internal sealed class TemperatureReader(TemperatureVocabulary vocabulary, int flag, IReadOnlyDictionary<int, double> durationUnits)
{
    /// <summary>Tokens from a cue to the number: "temperature won't come down, it's 39.8".</summary>
    private const int CueReach = 6;

    [ThreadStatic]
    private static List<TemperatureReading>? t_readings;

    /// <summary>The red flag a fever reading raises, by its index in the vocabulary.</summary>
    public int Flag => flag;

    /// <summary>The readings of this utterance, in a per-thread list that the next call reuses.</summary>
    public List<TemperatureReading> Read(Utterance u)
    {
        var readings = t_readings ??= [];
        readings.Clear();
        var tokens = u.TokenSpan;
        for (var i = 0; i < tokens.Length; i++)
        {
            if (tokens[i].Kind != TokenKind.Number || (i + 1 < tokens.Length && durationUnits.ContainsKey(tokens[i + 1].Id)))
            {
                continue;
            }

            var value = tokens[i].Value;
            var end = i;
            TemperatureScale? scale = null;
            if (u.StartsAt(PatternKind.CelsiusUnit, i + 1, out var unitEnd))
            {
                (scale, end) = (vocabulary.CelsiusScale, unitEnd);
            }
            else if (u.StartsAt(PatternKind.FahrenheitUnit, i + 1, out unitEnd))
            {
                (scale, end) = (vocabulary.FahrenheitScale, unitEnd);
            }

            var start = CueBefore(u, i);
            if (scale is null && start < 0 && !u.StartsAt(PatternKind.TemperatureCue, i + 1, out end))
            {
                continue;
            }

            scale ??= Fits(vocabulary.CelsiusScale, value) ? vocabulary.CelsiusScale : vocabulary.FahrenheitScale;
            if (Fits(scale, value))
            {
                readings.Add(new TemperatureReading(start >= 0 ? start : i, Math.Max(end, i), value >= scale.Fever));
            }
        }

        return readings;
    }

    private static int CueBefore(Utterance u, int number)
    {
        foreach (var cue in u.Of(PatternKind.TemperatureCue))
        {
            if (cue.End < number && number - cue.End - 1 <= CueReach && u.Sentence[cue.End] == u.Sentence[number])
            {
                return cue.Start;
            }
        }

        return -1;
    }

    private static bool Fits(TemperatureScale scale, double value) => value >= scale.Lowest && value <= scale.Highest;
}
