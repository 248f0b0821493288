using BackCareBot.Dialogs.Recognition.Text;

namespace BackCareBot.Dialogs.Recognition.Matching;

/// <summary>
/// Turns the phrase notation of the knowledge file ("lost @control @bladder", "wet my pants|bed", "lost #
/// @weightunit") into slots of lexicon ids, normalising words exactly as typed text is normalised.
/// </summary>
internal sealed class PhraseCompiler(
    Lexicon lexicon,
    IReadOnlyDictionary<string, IReadOnlyList<string>> wordClasses,
    IReadOnlyDictionary<long, int> joins,
    IReadOnlySet<int> numberWords)
{
    private readonly Dictionary<string, Slot> _classSlots = new(StringComparer.Ordinal);

    /// <summary>Every word id a phrase can match; typos are corrected towards these.</summary>
    public HashSet<int> VocabularyWords { get; } = [];

    public Slot[] Compile(string phrase)
    {
        var slots = new List<Slot>();
        var plainRun = new List<string>();
        var wideNext = false;
        foreach (var element in phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (element == WideGap)
            {
                FlushPlain(plainRun, slots);
                wideNext = slots.Count > 0;
                continue;
            }

            if (element.StartsWith('@') || element.Contains('|') || element == "#")
            {
                FlushPlain(plainRun, slots);
                slots.Add(CompileElement(element));
            }
            else
            {
                plainRun.Add(element);
            }

            if (wideNext)
            {
                FlushPlain(plainRun, slots, wideFirst: true);
                wideNext = false;
            }
        }

        FlushPlain(plainRun, slots);
        return [.. slots];
    }

    /// <summary>The notation for "the next word may stand further away": "tried ... cant feel".</summary>
    public const string WideGap = "...";

    /// <summary>The ids of a plain word sequence after joins ("can not" -> "cant", "have not been able" -> "cant").</summary>
    public int[] Words(string text)
    {
        var ids = new List<int>();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            ids.Add(lexicon.Intern(word));
            while (ids.Count > 1 && joins.TryGetValue(Tokenizer.JoinKey(ids[^2], ids[^1]), out var joined))
            {
                ids.RemoveAt(ids.Count - 1);
                ids[^1] = joined;
            }
        }

        VocabularyWords.UnionWith(ids);
        return [.. ids];
    }

    private void FlushPlain(List<string> plainRun, List<Slot> slots, bool wideFirst = false)
    {
        if (plainRun.Count == 0)
        {
            if (wideFirst)
            {
                slots[^1] = slots[^1].AsWide();
            }

            return;
        }

        var first = true;
        foreach (var id in Words(string.Join(' ', plainRun)))
        {
            slots.Add(new Slot([id], [], false, numberWords, wideFirst && first));
            first = false;
        }

        plainRun.Clear();
    }

    private Slot CompileElement(string element)
    {
        if (element == "#")
        {
            return new Slot([], [], true, numberWords);
        }

        if (element.StartsWith('@'))
        {
            var name = element[1..];
            if (!_classSlots.TryGetValue(name, out var slot))
            {
                slot = Alternatives(wordClasses[name]);
                _classSlots[name] = slot;
            }

            return slot;
        }

        return Alternatives(element.Split('|', StringSplitOptions.RemoveEmptyEntries));
    }

    private Slot Alternatives(IEnumerable<string> entries)
    {
        var single = new List<int>();
        var sequences = new List<int[]>();
        foreach (var entry in entries)
        {
            var ids = Words(entry);
            if (ids.Length == 1)
            {
                single.Add(ids[0]);
            }
            else if (ids.Length > 1)
            {
                sequences.Add(ids);
            }
        }

        return new Slot([.. single], [.. sequences], false, numberWords);
    }
}
