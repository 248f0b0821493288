namespace BackCareBot.Dialogs.Recognition.Text;

/// <summary>
/// Every word the vocabulary knows, each with a small integer id. Spelling variants share their canonical
/// word's id, so "tumor" and "tumour" are the same word to every phrase.
/// </summary>
internal sealed class Lexicon
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<string> _words = [];
    private readonly IReadOnlyDictionary<string, string> _spellings;
    private Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public Lexicon(IReadOnlyDictionary<string, string> spellings)
    {
        _spellings = spellings;
        _lookup = _ids.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var (variant, canonical) in spellings)
        {
            _ids[Normalise(variant)] = Intern(Normalise(canonical));
        }
    }

    public int Count => _words.Count;

    public string this[int id] => _words[id];

    /// <summary>The id of a vocabulary word, adding it if new; spelling variants resolve to their canonical word.</summary>
    public int Intern(string word)
    {
        var normal = Normalise(word);
        if (_ids.TryGetValue(normal, out var id))
        {
            return id;
        }

        if (_spellings.TryGetValue(normal, out var canonical) && canonical != normal)
        {
            return _ids[normal] = Intern(canonical);
        }

        id = _words.Count;
        _words.Add(normal);
        _ids[normal] = id;
        return id;
    }

    /// <summary>The id of an already normalised word, or -1.</summary>
    public int Find(ReadOnlySpan<char> word) => _lookup.TryGetValue(word, out var id) ? id : -1;

    /// <summary>Lower case, apostrophes dropped: how a vocabulary word is compared with a typed one.</summary>
    public static string Normalise(string word)
    {
        Span<char> buffer = word.Length <= 128 ? stackalloc char[word.Length] : new char[word.Length];
        var length = 0;
        foreach (var c in word)
        {
            if (!Tokenizer.IsApostrophe(c))
            {
                buffer[length++] = char.ToLowerInvariant(c);
            }
        }

        return new string(buffer[..length]);
    }
}
