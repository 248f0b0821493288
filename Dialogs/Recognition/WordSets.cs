using BackCareBot.Dialogs.Recognition.Vocabulary;

namespace BackCareBot.Dialogs.Recognition;

/// <summary>Vocabulary words the extractors need by id: number words, units, weekdays and a few single words.</summary>
internal sealed class WordSets
{
    public required IReadOnlyDictionary<int, double> NumberWords { get; init; }
    public required IReadOnlySet<int> ApproximateNumbers { get; init; }
    public required IReadOnlyDictionary<int, double> UnitSeconds { get; init; }
    public required IReadOnlyDictionary<int, DayOfWeek> Weekdays { get; init; }
    public required IReadOnlyList<RelativeTime> RelativeTimes { get; init; }
    public required int LastWord { get; init; }
    public required int OfWord { get; init; }
    public required int AndWord { get; init; }

    public bool TryNumber(int id, out double value) => NumberWords.TryGetValue(id, out value);
}
