using BackCareBot.Dialogs.Recognition.Matching;
using BackCareBot.Dialogs.Recognition.Text;
using BackCareBot.Dialogs.Recognition.Vocabulary;

namespace BackCareBot.Dialogs.Recognition.Context;

/// <summary>
/// ConText for one mention: is it about someone else, hypothetical, negated, or past and resolved?
/// When none applies the mention is affirmed; uncertainty ("maybe", "I think") never cancels a mention.
/// </summary>
internal sealed class ContextAnalyzer(ContextVocabulary vocabulary, IReadOnlySet<int> assertiveNegatives)
{
    /// <summary>Marks tokens covered by pseudo-cues and first-person words; call once per utterance after matching.</summary>
    public static void Prepare(Utterance utterance)
    {
        foreach (var m in utterance.Of(PatternKind.Pseudo))
        {
            for (var i = m.Start; i <= m.End; i++)
            {
                utterance.PseudoCovered[i] = true;
            }
        }

        foreach (var m in utterance.Of(PatternKind.FirstPerson))
        {
            utterance.FirstPerson[m.Start] = true;
        }
    }

    public IgnoreReason? Classify(Utterance u, int start, int end, bool historyCounts)
    {
        if (IsOtherPerson(u, start, end))
        {
            return IgnoreReason.OtherPerson;
        }

        if (IsHypothetical(u, start))
        {
            return IgnoreReason.Hypothetical;
        }

        if (IsNegated(u, start, end))
        {
            return IgnoreReason.Negated;
        }

        if (!historyCounts && IsPast(u, start, end))
        {
            return IgnoreReason.Past;
        }

        return null;
    }

    public bool IsNegated(Utterance u, int start, int end)
    {
        var tokens = u.TokenSpan;
        var assertive = tokens[start].Kind == TokenKind.Word && assertiveNegatives.Contains(tokens[start].Id);
        if (!assertive)
        {
            foreach (var cue in u.Of(PatternKind.Negation))
            {
                if (cue.End < start && start - cue.End - 1 <= vocabulary.NegationWindow
                    && u.Clause[cue.End] == u.Clause[start] && !Blocked(u, cue))
                {
                    return true;
                }
            }
        }

        foreach (var cue in u.Of(PatternKind.NegationAfter))
        {
            if (cue.Start > end && cue.Start - end - 1 <= vocabulary.AfterWindow
                && u.Clause[cue.Start] == u.Clause[end] && !Blocked(u, cue))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsOtherPerson(Utterance u, int start, int end)
    {
        foreach (var cue in u.Of(PatternKind.OtherPerson))
        {
            if (cue.End < start && u.Scope[cue.End] == u.Scope[start] && !Blocked(u, cue) && !FirstPersonBetween(u, cue.End + 1, start))
            {
                return true;
            }
        }

        foreach (var cue in u.Of(PatternKind.OtherPersonAfter))
        {
            if (cue.Start > end && cue.Start - end - 1 <= vocabulary.AfterWindow && u.Clause[cue.Start] == u.Clause[end])
            {
                return true;
            }
        }

        return false;
    }

    private bool IsHypothetical(Utterance u, int start)
    {
        foreach (var cue in u.Of(PatternKind.Hypothetical))
        {
            if (cue.End < start && start - cue.End - 1 <= vocabulary.HypotheticalWindow
                && u.Scope[cue.End] == u.Scope[start] && !Blocked(u, cue))
            {
                return true;
            }
        }

        foreach (var cue in u.Of(PatternKind.HypotheticalNear))
        {
            if (cue.End < start && start - cue.End - 1 <= vocabulary.NearWindow
                && u.Scope[cue.End] == u.Scope[start] && !Blocked(u, cue))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsPast(Utterance u, int start, int end)
    {
        var clause = u.Clause[start];
        foreach (var cue in u.Of(PatternKind.Current))
        {
            if (u.Clause[cue.Start] == clause && !cue.Overlaps(start, end))
            {
                return false;
            }
        }

        foreach (var cue in u.Of(PatternKind.Past))
        {
            if (u.Clause[cue.Start] == clause && !cue.Overlaps(start, end) && Distance(cue, start, end) <= vocabulary.PastWindow)
            {
                return true;
            }
        }

        var tokens = u.TokenSpan;
        for (var i = 0; i < tokens.Length; i++)
        {
            if (u.Clause[i] == clause && tokens[i].Kind == TokenKind.Number && IsPastYear(tokens[i].Value, u.Now.Year))
            {
                return true;
            }
        }

        foreach (var cue in u.Of(PatternKind.Resolved))
        {
            if (cue.Start > end && cue.Start - end - 1 <= vocabulary.PastWindow && u.Clause[cue.Start] == clause && !NegatedCue(u, cue))
            {
                return true;
            }
        }

        return ResolvedInNextScope(u, end);
    }

    /// <summary>"I fell off my bike but that healed": the resolution follows a terminator and points back.</summary>
    private bool ResolvedInNextScope(Utterance u, int end)
    {
        var tokens = u.TokenSpan;
        var scope = u.Scope[end];
        var next = end + 1;
        while (next < tokens.Length && u.Scope[next] == scope)
        {
            next++;
        }

        if (next >= tokens.Length || u.Sentence[next] != u.Sentence[end])
        {
            return false;
        }

        foreach (var anaphor in u.Of(PatternKind.Anaphora))
        {
            if (anaphor.Start < next + 1 || anaphor.Start > next + 2)
            {
                continue;
            }

            foreach (var cue in u.Of(PatternKind.Resolved))
            {
                if (cue.Start > anaphor.End && cue.Start - anaphor.End <= 4 && !NegatedCue(u, cue))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool IsPastYear(double value, int currentYear) =>
        value >= 1900 && value < currentYear && value == Math.Floor(value);

    private static bool NegatedCue(Utterance u, PhraseMatch cue)
    {
        foreach (var negation in u.Of(PatternKind.Negation))
        {
            if (negation.End < cue.Start && cue.Start - negation.End <= 2)
            {
                return true;
            }
        }

        return false;
    }

    private static int Distance(PhraseMatch cue, int start, int end) =>
        cue.End < start ? start - cue.End - 1 : cue.Start - end - 1;

    private static bool Blocked(Utterance u, PhraseMatch cue)
    {
        for (var i = cue.Start; i <= cue.End; i++)
        {
            if (u.PseudoCovered[i])
            {
                return true;
            }
        }

        return false;
    }

    private static bool FirstPersonBetween(Utterance u, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (u.FirstPerson[i])
            {
                return true;
            }
        }

        return false;
    }
}
