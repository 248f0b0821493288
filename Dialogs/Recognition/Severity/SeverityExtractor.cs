using BackCareBot.Dialogs.Recognition.Context;
using BackCareBot.Dialogs.Recognition.Matching;
using BackCareBot.Dialogs.Recognition.Text;
using BackCareBot.Dialogs.Recognition.Vocabulary;

namespace BackCareBot.Dialogs.Recognition.Severity;

/// <summary>
/// Reads a 0-10 pain score: "7", "7/10", "seven out of ten", "about a 6", "6 or 7" (the higher, 7). Without
/// a number, words map to a band ("mild" 3, "unbearable" 9) and the highest band wins. A number followed by
/// a unit or a count ("5 days", "2 kids") is not a score.
/// </summary>
internal sealed class SeverityExtractor(WordSets words, IReadOnlyList<SeverityBand> bands, ContextAnalyzer context)
{
    private const int MaxScore = 10;
    private const int ShortAnswerWords = 5;

    public int? Extract(Utterance u)
    {
        var tokens = u.TokenSpan;
        int? best = null;
        var numbers = 0;
        var wordCount = 0;
        var lastNumber = -1;
        for (var i = 0; i < tokens.Length; i++)
        {
            if (tokens[i].Kind is TokenKind.Word or TokenKind.Number)
            {
                wordCount++;
            }

            if (!Score(tokens, i, out _))
            {
                continue;
            }

            numbers++;
            lastNumber = i;
            var value = ReadAt(u, i) ?? AloneInSentence(tokens, i);
            if (value is { } v && (best is null || v > best))
            {
                best = v;
            }
        }

        if (best is null && numbers == 1 && wordCount <= ShortAnswerWords && Score(tokens, lastNumber, out var only)
            && !NotAfter(u, lastNumber + 1) && !Attached(tokens, lastNumber + 1))
        {
            best = only;
        }

        return best ?? FromWords(u);
    }

    private int? ReadAt(Utterance u, int i)
    {
        var tokens = u.TokenSpan;
        Score(tokens, i, out var value);
        var next = i + 1;
        if (OutOfTen(u, next))
        {
            return value;
        }

        if (Attached(tokens, next))
        {
            return null;
        }

        if (u.StartsAt(PatternKind.RangeWord, next, out var range) && Score(tokens, range + 1, out var upper))
        {
            var after = range + 2;
            if (OutOfTen(u, after) || (!NotAfter(u, after) && !Attached(tokens, after)))
            {
                return Math.Max(value, upper);
            }

            return null;
        }

        if (NotAfter(u, next))
        {
            return null;
        }

        foreach (var cue in u.Of(PatternKind.SeverityCue))
        {
            if (cue.End < i && i - cue.End <= 2 && !IsPrecededByNumber(tokens, i))
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>"lower left back. sudden. lifting a suitcase. 7.": a number that is a sentence of its own is a score.</summary>
    private int? AloneInSentence(ReadOnlySpan<Token> tokens, int i)
    {
        var startsSentence = i == 0 || tokens[i - 1].Kind == TokenKind.SentenceEnd;
        var endsSentence = i + 1 == tokens.Length || tokens[i + 1].Kind == TokenKind.SentenceEnd;
        return startsSentence && endsSentence && i > 0 && Score(tokens, i, out var value) ? value : null;
    }

    private int? FromWords(Utterance u)
    {
        int? best = null;
        var found = u.Of(PatternKind.SeverityBand);
        foreach (var m in found)
        {
            if (Inside(m, found) || u.AnyOverlapping(PatternKind.SeverityBlocker, m.Start, m.End) || context.IsNegated(u, m.Start, m.End))
            {
                continue;
            }

            var value = bands[m.Index].Value;
            best = best is null || value > best ? value : best;
        }

        return best;
    }

    private bool Score(ReadOnlySpan<Token> tokens, int i, out int value)
    {
        value = 0;
        if (i < 0 || i >= tokens.Length)
        {
            return false;
        }

        ref readonly var token = ref tokens[i];
        double number;
        if (token.Kind == TokenKind.Number)
        {
            number = token.Value;
        }
        else if (token.Kind == TokenKind.Word && !words.ApproximateNumbers.Contains(token.Id) && words.TryNumber(token.Id, out number))
        {
        }
        else
        {
            return false;
        }

        if (number < 0 || number > MaxScore)
        {
            return false;
        }

        value = (int)Math.Ceiling(number);
        return true;
    }

    private bool OutOfTen(Utterance u, int next)
    {
        var tokens = u.TokenSpan;
        var after = -1;
        if (next < tokens.Length && tokens[next].Kind == TokenKind.Slash)
        {
            after = next + 1;
        }
        else if (u.StartsAt(PatternKind.OutOf, next, out var end))
        {
            after = end + 1;
        }

        return after >= 0 && Score(tokens, after, out var scale) && scale == MaxScore;
    }

    private static bool IsPrecededByNumber(ReadOnlySpan<Token> tokens, int i) =>
        i > 0 && tokens[i - 1].Kind == TokenKind.Number;

    private static bool Attached(ReadOnlySpan<Token> tokens, int i) =>
        i < tokens.Length && tokens[i].Kind == TokenKind.Word && tokens[i].Attached;

    private bool NotAfter(Utterance u, int next)
    {
        var tokens = u.TokenSpan;
        return u.StartsAt(PatternKind.SeverityNotAfter, next, out _)
            || (next < tokens.Length && tokens[next].Kind == TokenKind.Word && words.UnitSeconds.ContainsKey(tokens[next].Id));
    }

    private static bool Inside(PhraseMatch m, List<PhraseMatch> all)
    {
        foreach (var other in all)
        {
            if (other.Length > m.Length && other.Start <= m.Start && other.End >= m.End)
            {
                return true;
            }
        }

        return false;
    }
}
