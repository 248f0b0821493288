using BackCareBot.Dialogs.Recognition.Context;
using BackCareBot.Dialogs.Recognition.Matching;
using BackCareBot.Dialogs.Recognition.Text;

namespace BackCareBot.Dialogs.Recognition;

/// <summary>
/// The working state for one utterance: tokens, phrase matches grouped by kind, and the sentence, scope and
/// clause each token belongs to. One instance per thread is reused, so recognising a line allocates little.
/// </summary>
internal sealed class Utterance
{
    private static readonly int KindCount = Enum.GetValues<PatternKind>().Length;

    private Utterance? _rebuiltReading;

    public string Text { get; private set; } = "";
    public DateTimeOffset Now { get; private set; }
    public TokenBuffer Tokens { get; } = new();
    public List<PhraseMatch> Matches { get; } = [];
    public List<PhraseMatch>[] ByKind { get; } = [.. Enumerable.Range(0, KindCount).Select(_ => new List<PhraseMatch>())];

    /// <summary>Scratch for a second matching pass, before its matches are added.</summary>
    public List<PhraseMatch> LateMatches { get; } = [];

    /// <summary>Scratch for a statement rebuilt from words of the utterance.</summary>
    public RebuiltStatement Rebuilt { get; } = new();

    /// <summary>Scratch for reading <see cref="Rebuilt"/> as an utterance of its own; made on first use.</summary>
    public Utterance RebuiltReading => _rebuiltReading ??= new Utterance();

    public int[] Sentence { get; private set; } = new int[64];
    public int[] Scope { get; private set; } = new int[64];
    public int[] Clause { get; private set; } = new int[64];
    public bool[] Barrier { get; private set; } = new bool[64];
    public bool[] PseudoCovered { get; private set; } = new bool[64];
    public bool[] FirstPerson { get; private set; } = new bool[64];

    public ReadOnlySpan<Token> TokenSpan => Tokens.Items;

    public List<PhraseMatch> Of(PatternKind kind) => ByKind[(int)kind];

    /// <summary>Whether a phrase of this kind starts at token <paramref name="start"/>; end is the last token of the longest.</summary>
    public bool StartsAt(PatternKind kind, int start, out int end)
    {
        end = -1;
        foreach (var m in Of(kind))
        {
            if (m.Start == start && m.End > end)
            {
                end = m.End;
            }
        }

        return end >= 0;
    }

    /// <summary>Whether a phrase of this kind ends at token <paramref name="end"/>; start is the first token of the longest.</summary>
    public bool EndsAt(PatternKind kind, int end, out int start)
    {
        start = int.MaxValue;
        foreach (var m in Of(kind))
        {
            if (m.End == end && m.Start < start)
            {
                start = m.Start;
            }
        }

        return start != int.MaxValue;
    }

    /// <summary>Whether a phrase of this kind (and of this entry, when <paramref name="index"/> is given) overlaps tokens start..end.</summary>
    public bool AnyOverlapping(PatternKind kind, int start, int end, int index = -1)
    {
        foreach (var m in Of(kind))
        {
            if ((index < 0 || m.Index == index) && m.Overlaps(start, end))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a phrase of this kind starts strictly between tokens <paramref name="after"/> and <paramref name="before"/>.</summary>
    public bool AnyStartingBetween(PatternKind kind, int after, int before)
    {
        foreach (var m in Of(kind))
        {
            if (m.Start > after && m.Start < before)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The last token of the match of <paramref name="kind"/> that ends last among those lying wholly from
    /// <paramref name="from"/> to before <paramref name="before"/>, or -1.
    /// </summary>
    public int LastEndWithin(PatternKind kind, int from, int before)
    {
        var last = -1;
        foreach (var m in Of(kind))
        {
            if (m.Start >= from && m.End < before && m.End > last)
            {
                last = m.End;
            }
        }

        return last;
    }

    /// <summary>Whether a comma stands strictly between tokens <paramref name="from"/> and <paramref name="to"/>.</summary>
    public bool CommaBetween(int from, int to)
    {
        var tokens = TokenSpan;
        for (var i = from + 1; i < to; i++)
        {
            if (tokens[i].Kind == TokenKind.Comma)
            {
                return true;
            }
        }

        return false;
    }

    public void Reset(string text, DateTimeOffset now)
    {
        Text = text;
        Now = now;
        Tokens.Clear();
        Matches.Clear();
        LateMatches.Clear();
        foreach (var list in ByKind)
        {
            list.Clear();
        }
    }

    /// <summary>Starts over on tokens already made, with their barriers: a statement rebuilt from another utterance's words.</summary>
    public void Reset(string text, DateTimeOffset now, ReadOnlySpan<Token> tokens, ReadOnlySpan<bool> barriers)
    {
        Reset(text, now);
        foreach (ref readonly var token in tokens)
        {
            Tokens.Add(token);
        }

        PrepareTokenArrays();
        barriers.CopyTo(Barrier);
    }

    /// <summary>Sizes the per-token arrays after tokenizing and clears them.</summary>
    public void PrepareTokenArrays()
    {
        var count = Tokens.Count;
        if (Sentence.Length < count)
        {
            var size = Math.Max(count, Sentence.Length * 2);
            Sentence = new int[size];
            Scope = new int[size];
            Clause = new int[size];
            Barrier = new bool[size];
            PseudoCovered = new bool[size];
            FirstPerson = new bool[size];
        }

        Array.Clear(Barrier, 0, count);
        Array.Clear(PseudoCovered, 0, count);
        Array.Clear(FirstPerson, 0, count);
    }

    public void GroupMatches()
    {
        foreach (var match in Matches)
        {
            ByKind[(int)match.Kind].Add(match);
        }
    }

    /// <summary>Adds the matches of a later pass (<see cref="LateMatches"/>) to their kinds and clears them.</summary>
    public void AddLateMatches()
    {
        foreach (var match in LateMatches)
        {
            Matches.Add(match);
            ByKind[(int)match.Kind].Add(match);
        }

        LateMatches.Clear();
    }

    /// <summary>The person's own words for tokens start..end inclusive.</summary>
    public string Quote(int start, int end)
    {
        var tokens = Tokens.Items;
        return Text[tokens[start].Start..tokens[end].End];
    }
}
