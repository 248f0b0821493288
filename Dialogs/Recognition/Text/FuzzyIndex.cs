namespace BackCareBot.Dialogs.Recognition.Text;

/// <summary>
/// Finds the vocabulary word one edit (insertion, deletion, substitution or swap of neighbours) away from
/// a misspelt one, e.g. "numbess" or "bladdder". Built on single deletions, so a look-up costs a few hash
/// probes and allocates nothing.
/// </summary>
internal sealed class FuzzyIndex
{
    private const int MaxWordLength = 32;
    private readonly Dictionary<string, int[]> _byDeletion = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly Lexicon _lexicon;
    private readonly int _minLength;

    public FuzzyIndex(Lexicon lexicon, IEnumerable<int> targets, int minLength)
    {
        _lexicon = lexicon;
        _minLength = minLength;
        var lists = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var id in targets.Distinct())
        {
            var word = lexicon[id];
            if (word.Length < minLength || word.Length > MaxWordLength || !IsPlain(word))
            {
                continue;
            }

            Add(lists, word, id);
            for (var i = 0; i < word.Length; i++)
            {
                Add(lists, string.Concat(word.AsSpan(0, i), word.AsSpan(i + 1)), id);
            }
        }

        foreach (var (key, ids) in lists)
        {
            _byDeletion[key] = [.. ids.Distinct()];
        }

        _lookup = _byDeletion.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    private static void Add(Dictionary<string, List<int>> lists, string key, int id)
    {
        if (!lists.TryGetValue(key, out var list))
        {
            lists[key] = list = [];
        }

        list.Add(id);
    }

    /// <summary>The id of the vocabulary word one edit from word, or -1.</summary>
    public int Find(ReadOnlySpan<char> word)
    {
        if (word.Length < _minLength || word.Length > MaxWordLength || !IsPlain(word))
        {
            return -1;
        }

        var found = Probe(word, word);
        if (found >= 0)
        {
            return found;
        }

        Span<char> deletion = stackalloc char[word.Length - 1];
        for (var i = 0; i < word.Length; i++)
        {
            word[..i].CopyTo(deletion);
            word[(i + 1)..].CopyTo(deletion[i..]);
            found = Probe(deletion, word);
            if (found >= 0)
            {
                return found;
            }
        }

        return -1;
    }

    private int Probe(ReadOnlySpan<char> key, ReadOnlySpan<char> word)
    {
        if (!_lookup.TryGetValue(key, out var candidates))
        {
            return -1;
        }

        foreach (var id in candidates)
        {
            if (WithinOneEdit(word, _lexicon[id]))
            {
                return id;
            }
        }

        return -1;
    }

    internal static bool WithinOneEdit(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (Math.Abs(a.Length - b.Length) > 1)
        {
            return false;
        }

        var prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix])
        {
            prefix++;
        }

        if (a.Length == b.Length)
        {
            if (prefix == a.Length)
            {
                return true;
            }

            var restA = a[(prefix + 1)..];
            var restB = b[(prefix + 1)..];
            if (restA.SequenceEqual(restB))
            {
                return true;
            }

            return prefix + 1 < a.Length && a[prefix] == b[prefix + 1] && a[prefix + 1] == b[prefix]
                && a[(prefix + 2)..].SequenceEqual(b[(prefix + 2)..]);
        }

        var longer = a.Length > b.Length ? a : b;
        var shorter = a.Length > b.Length ? b : a;
        return longer[(prefix + 1)..].SequenceEqual(shorter[prefix..]);
    }

    private static bool IsPlain(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (c is < 'a' or > 'z')
            {
                return false;
            }
        }

        return true;
    }
}
