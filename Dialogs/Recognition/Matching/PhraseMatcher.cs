using BackCareBot.Dialogs.Recognition.Text;

namespace BackCareBot.Dialogs.Recognition.Matching;

/// <summary>
/// Finds every compiled phrase in a token sequence in one pass: phrases are indexed by the ids their first
/// slot accepts, so each token only tries the few phrases that can start with it.
/// </summary>
internal sealed class PhraseMatcher
{
    private readonly Pattern[][] _byFirstWord;
    private readonly Pattern[] _byNumber;
    private readonly IReadOnlySet<int> _numberWords;
    private readonly bool[] _assertiveWords;
    private readonly GapRules _gapRules;

    public PhraseMatcher(IReadOnlyList<Pattern> patterns, int lexiconSize, IReadOnlySet<int> numberWords, bool[] assertiveWords, GapRules gapRules)
    {
        _numberWords = numberWords;
        _assertiveWords = assertiveWords;
        _gapRules = gapRules;
        var lists = new List<Pattern>[lexiconSize];
        var byNumber = new List<Pattern>();
        foreach (var pattern in patterns)
        {
            var first = pattern.Slots[0];
            if (first.AnyNumber)
            {
                byNumber.Add(pattern);
            }

            foreach (var id in first.FirstWords.Distinct())
            {
                (lists[id] ??= []).Add(pattern);
            }
        }

        _byFirstWord = [.. lists.Select(l => l?.ToArray() ?? [])];
        _byNumber = [.. byNumber];
    }

    public void Match(ReadOnlySpan<Token> tokens, ReadOnlySpan<bool> barriers, List<PhraseMatch> matches)
    {
        matches.Clear();
        for (var i = 0; i < tokens.Length; i++)
        {
            ref readonly var token = ref tokens[i];
            if (token.Kind == TokenKind.Word && token.Id >= 0 && token.Id < _byFirstWord.Length)
            {
                TryAll(_byFirstWord[token.Id], tokens, i, barriers, matches);
            }

            if (token.Kind == TokenKind.Number || (token.Kind == TokenKind.Word && _numberWords.Contains(token.Id)))
            {
                TryAll(_byNumber, tokens, i, barriers, matches);
            }
        }
    }

    /// <summary>
    /// Adds the matches that start in the subject (from <paramref name="subjectStart"/>) and cross the bridge into the
    /// predicate it is carried into; each is placed on the predicate, from its start to the match's end, because that is
    /// the clause whose negation and tense it takes.
    /// </summary>
    public void MatchCarried(ReadOnlySpan<Token> tokens, ReadOnlySpan<bool> barriers, int subjectStart, Bridge bridge, List<PhraseMatch> matches)
    {
        for (var i = subjectStart; i <= bridge.SubjectEnd; i++)
        {
            ref readonly var token = ref tokens[i];
            if (token.Kind == TokenKind.Word && token.Id >= 0 && token.Id < _byFirstWord.Length)
            {
                TryBridged(_byFirstWord[token.Id], tokens, i, barriers, bridge, matches);
            }

            if (token.Kind == TokenKind.Number || (token.Kind == TokenKind.Word && _numberWords.Contains(token.Id)))
            {
                TryBridged(_byNumber, tokens, i, barriers, bridge, matches);
            }
        }
    }

    private void TryBridged(Pattern[] candidates, ReadOnlySpan<Token> tokens, int start, ReadOnlySpan<bool> barriers, Bridge bridge, List<PhraseMatch> matches)
    {
        foreach (var pattern in candidates)
        {
            var end = pattern.MatchFrom(tokens, start, barriers, _assertiveWords, _gapRules, bridge, out var bridged);
            if (end >= 0 && bridged)
            {
                matches.Add(new PhraseMatch(pattern.Kind, pattern.Index, bridge.PredicateStart, end));
            }
        }
    }

    private void TryAll(Pattern[] candidates, ReadOnlySpan<Token> tokens, int start, ReadOnlySpan<bool> barriers, List<PhraseMatch> matches)
    {
        foreach (var pattern in candidates)
        {
            var end = pattern.MatchFrom(tokens, start, barriers, _assertiveWords, _gapRules);
            if (end >= 0)
            {
                matches.Add(new PhraseMatch(pattern.Kind, pattern.Index, start, end));
            }
        }
    }
}
