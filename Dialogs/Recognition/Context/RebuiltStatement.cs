using BackCareBot.Dialogs.Recognition.Text;

namespace BackCareBot.Dialogs.Recognition.Context;

/// <summary>Where a word of a rebuilt statement comes from.</summary>
[Flags]
internal enum WordSource : byte
{
    None = 0,

    /// <summary>The short statement's own words: "poo" in "poo is not".</summary>
    Own = 1,

    /// <summary>Its negation: "is not".</summary>
    Negation = 2,

    /// <summary>Words borrowed from the statement before it: "under control".</summary>
    Borrowed = 4,

    All = Own | Negation | Borrowed,
}

/// <summary>
/// A statement put together from words of an utterance ("poo is not" + "under control"), with where each word came
/// from, so a phrase found in it can be placed back on the person's words. One instance per thread is reused.
/// </summary>
internal sealed class RebuiltStatement
{
    private int[] _origin = new int[16];
    private WordSource[] _source = new WordSource[16];
    private bool[] _barrier = new bool[16];
    private int _undoingStart = -1;
    private int _undoingEnd = -1;

    public TokenBuffer Tokens { get; } = new();

    public ReadOnlySpan<bool> Barriers => _barrier.AsSpan(0, Tokens.Count);

    public void Clear()
    {
        Tokens.Clear();
        _undoingStart = -1;
        _undoingEnd = -1;
    }

    /// <summary>
    /// The short statement's negation, utterance tokens <paramref name="start"/>..<paramref name="end"/>, undid one in the
    /// statement before ("no problems with my bladder but not my bowels" reads "problems with my bowels"), so it is not among
    /// the words; it still stands behind each of the statement's own words.
    /// </summary>
    public void NegationUndoes(int start, int end)
    {
        _undoingStart = start;
        _undoingEnd = end;
    }

    /// <summary>Appends tokens <paramref name="from"/>..<paramref name="to"/> of the utterance (none when to &lt; from).</summary>
    public void AddRange(Utterance u, int from, int to, WordSource source)
    {
        var tokens = u.TokenSpan;
        for (var i = from; i <= to; i++)
        {
            Add(tokens[i], i, source, u.Barrier[i]);
        }
    }

    /// <summary>Appends one token that stands for token <paramref name="origin"/> of the utterance.</summary>
    public void Add(in Token token, int origin, WordSource source, bool barrier)
    {
        var at = Tokens.Count;
        if (at == _origin.Length)
        {
            Array.Resize(ref _origin, at * 2);
            Array.Resize(ref _source, at * 2);
            Array.Resize(ref _barrier, at * 2);
        }

        Tokens.Add(token);
        _origin[at] = origin;
        _source[at] = source;
        _barrier[at] = barrier;
    }

    /// <summary>
    /// Where tokens start..end came from, together; <paramref name="first"/> and <paramref name="last"/> are the
    /// utterance tokens of the statement's own words and negation among them.
    /// </summary>
    public WordSource Sources(int start, int end, out int first, out int last)
    {
        var sources = WordSource.None;
        first = int.MaxValue;
        last = -1;
        for (var i = start; i <= end; i++)
        {
            sources |= _source[i];
            if ((_source[i] & (WordSource.Own | WordSource.Negation)) != 0)
            {
                first = Math.Min(first, _origin[i]);
                last = Math.Max(last, _origin[i]);
            }
        }

        if (_undoingStart >= 0 && (sources & WordSource.Own) != 0)
        {
            sources |= WordSource.Negation;
            first = Math.Min(first, _undoingStart);
            last = Math.Max(last, _undoingEnd);
        }

        return sources;
    }
}
