using BackCareBot.Dialogs.Recognition.Matching;
using BackCareBot.Dialogs.Recognition.Text;
using BackCareBot.Dialogs.Recognition.Vocabulary;

namespace BackCareBot.Dialogs.Recognition.Context;

/// <summary>
/// ConText for one mention: is it about someone else, hypothetical, negated, or past and resolved?
/// When none applies the mention is affirmed; uncertainty ("maybe", "I think") never cancels a mention.
/// </summary>
internal sealed class ContextAnalyzer(ContextVocabulary vocabulary, IReadOnlySet<int> assertiveNegatives, int andWord)
{
    /// <summary>A negation before a comma reaches only a list item right after it ("no fever, chills or sweats").</summary>
    private const int ListItemReach = 2;

    private const int HypotheticalAfterWindow = 6;
    private const int ExceptionReach = 3;

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

    /// <summary>
    /// Why a mention does not count, or null when it does. <paramref name="negationCounts"/> is false for a stated
    /// measurement: "hasn't dropped below 39" reports a fever.
    /// </summary>
    public IgnoreReason? Classify(Utterance u, int start, int end, bool historyCounts, bool negationCounts = true)
    {
        if (IsOtherPerson(u, start, end))
        {
            return IgnoreReason.OtherPerson;
        }

        if (IsHypothetical(u, start, end))
        {
            return IgnoreReason.Hypothetical;
        }

        if (negationCounts && IsNegated(u, start, end) && !ExceptionFollows(u, start, end))
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
        var assertive = IsAssertive(tokens, start) || LaterClauseAsserts(u, start, end);
        if (!assertive)
        {
            foreach (var cue in u.Of(PatternKind.Negation))
            {
                if (cue.End < start && start - cue.End - 1 <= vocabulary.NegationWindow
                    && u.Clause[cue.End] == u.Clause[start] && !Blocked(u, cue) && ReachesPastCommas(tokens, cue.End, start)
                    && !ExceptionInside(u, start, end) && !NoveltyFollows(u, cue))
                {
                    return true;
                }
            }
        }

        // The cue may also end the mention itself: "wee and poo are under control".
        foreach (var cue in u.Of(PatternKind.NegationAfter))
        {
            if (cue.Start > start && cue.End >= end && cue.Start - end - 1 <= vocabulary.AfterWindow
                && u.Clause[cue.Start] == u.Clause[end] && !Blocked(u, cue)
                && !u.CommaBetween(end, cue.Start) && !InQuestion(u, cue.End) && !NegatedOrWeakened(u, start, cue.Start, out _))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsAssertive(ReadOnlySpan<Token> tokens, int at) =>
        tokens[at].Kind == TokenKind.Word && assertiveNegatives.Contains(tokens[at].Id);

    /// <summary>
    /// "not had a poo in days and can't tell if I need one": a mention told in two clauses whose later clause opens
    /// with an inability reports that, whatever negated the first. An opening that is itself a negation cue ("never
    /// numb") may be a denial, so only the other assertive negatives count.
    /// </summary>
    private bool LaterClauseAsserts(Utterance u, int start, int end)
    {
        if (u.Clause[start] == u.Clause[end])
        {
            return false;
        }

        var tokens = u.TokenSpan;
        for (var i = start + 1; i <= end; i++)
        {
            if (u.Clause[i] != u.Clause[i - 1] && IsAssertive(tokens, i) && !u.StartsAt(PatternKind.Negation, i, out _))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// After a mention that does not deny itself, the last token of a "fine" that is negated or weakened ("my bowels
    /// aren't right", "my bladder is barely ok"), or -1. Only a negation right before the "fine" counts: in "my bladder
    /// isn't sore right now" it is the soreness that is denied.
    /// </summary>
    public int NotFineEnd(Utterance u, int start, int end)
    {
        var found = NegatedFineAfter(u, PatternKind.NegationAfter, end);
        if (found < 0)
        {
            found = NegatedFineAfter(u, PatternKind.WrongWhenNegated, end);
        }

        // "my bowels are normally fine": a "fine" of its own ("normally") still denies.
        return found >= 0 && !IsNegated(u, start, end) ? found : -1;
    }

    private int NegatedFineAfter(Utterance u, PatternKind kind, int end)
    {
        foreach (var cue in u.Of(kind))
        {
            if (cue.Start > end + 1 && cue.Start - end - 1 <= vocabulary.AfterWindow && u.Clause[cue.Start] == u.Clause[end]
                && !u.CommaBetween(end, cue.Start) && NegatedOrWeakened(u, end + 1, cue.Start, out var negationEnd)
                && negationEnd == cue.Start - 1)
            {
                return cue.End;
            }
        }

        return -1;
    }

    /// <summary>
    /// "bladder control isn't normal", "bladder is barely under control": a "fine" that is negated or weakened is a
    /// complaint. <paramref name="negationEnd"/> is the last token of the last negation or weakening word wholly from
    /// <paramref name="from"/> to before the "fine".
    /// </summary>
    private static bool NegatedOrWeakened(Utterance u, int from, int cueStart, out int negationEnd)
    {
        negationEnd = Math.Max(u.LastEndWithin(PatternKind.Negation, from, cueStart), u.LastEndWithin(PatternKind.AbilityLoss, from, cueStart));
        return negationEnd >= 0;
    }

    /// <summary>
    /// "no chest pain apart from a bit of tightness": an exception right after a negated symptom says some of it
    /// is there. Only the symptom nearest the exception is revived, and only when the exception names no red
    /// flag of its own ("no fever except I can't pee" keeps the fever negated).
    /// </summary>
    private bool ExceptionFollows(Utterance u, int start, int end)
    {
        var tokens = u.TokenSpan;
        foreach (var cue in u.Of(PatternKind.Exception))
        {
            if (cue.Start <= end || cue.Start - end - 1 > ExceptionReach || u.Sentence[cue.Start] != u.Sentence[end]
                || cue.End + 1 >= tokens.Length || u.Sentence[cue.End + 1] != u.Sentence[cue.Start]
                || tokens[cue.End + 1].Kind != TokenKind.Word)
            {
                continue;
            }

            foreach (var other in u.Of(PatternKind.RedFlag))
            {
                var insideException = other.Start > cue.End && u.Scope[other.Start] == u.Scope[cue.End];
                var nearer = other.Start > start && other.End < cue.Start;
                if (insideException || nearer)
                {
                    return false;
                }
            }

            return true;
        }

        return false;
    }

    /// <summary>"never had chest pain like this before", "never been this numb": the person is saying it is new.</summary>
    private static bool NoveltyFollows(Utterance u, PhraseMatch negation)
    {
        foreach (var cue in u.Of(PatternKind.Novelty))
        {
            if (cue.Start > negation.End && u.Clause[cue.Start] == u.Clause[negation.End] && !FullyCovered(u, cue))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"no chest pain or anything like that" is still a denial; "a pain that feels like this" is not.</summary>
    private static bool FullyCovered(Utterance u, PhraseMatch cue)
    {
        for (var i = cue.Start; i <= cue.End; i++)
        {
            if (!u.PseudoCovered[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>"no tingling anywhere except my right foot": the mention itself carries its exception.</summary>
    private static bool ExceptionInside(Utterance u, int start, int end)
    {
        foreach (var cue in u.Of(PatternKind.Exception))
        {
            if (cue.Start > start && cue.End < end)
            {
                return true;
            }
        }

        return false;
    }

    private static bool ReachesPastCommas(ReadOnlySpan<Token> tokens, int cueEnd, int start)
    {
        for (var i = start - 1; i > cueEnd; i--)
        {
            if (tokens[i].Kind == TokenKind.Comma)
            {
                return start - i - 1 <= ListItemReach;
            }
        }

        return true;
    }

    /// <summary>"is pins and needles in my foot normal?" asks, it does not deny.</summary>
    private static bool InQuestion(Utterance u, int at)
    {
        var tokens = u.TokenSpan;
        for (var i = at + 1; i < tokens.Length; i++)
        {
            if (tokens[i].Kind == TokenKind.SentenceEnd)
            {
                return u.Text.AsSpan(tokens[i].Start, tokens[i].End - tokens[i].Start).Contains('?');
            }
        }

        return false;
    }

    private bool IsOtherPerson(Utterance u, int start, int end)
    {
        foreach (var cue in u.Of(PatternKind.OtherPerson))
        {
            if (cue.End < start && u.Scope[cue.End] == u.Scope[start] && !Blocked(u, cue) && !FirstPersonBetween(u, cue.End + 1, start)
                && !IncludesSpeaker(u, cue) && !FirstPersonBetween(u, start, Math.Min(end + 2, u.Tokens.Count)) && !SpeakerToo(u, end)
                && !PartAntecedent.PointsBack(u, cue))
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

    private static bool SpeakerToo(Utterance u, int end)
    {
        foreach (var cue in u.Of(PatternKind.SpeakerToo))
        {
            if (cue.Start > end && u.Sentence[cue.Start] == u.Sentence[end])
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"me and my brother both had cancer", "my husband and I tried": the person is one of them.</summary>
    private bool IncludesSpeaker(Utterance u, PhraseMatch cue)
    {
        var tokens = u.TokenSpan;
        var and = andWord;
        var before = cue.Start - 2;
        if (before >= 1 && tokens[before].Id == and && u.FirstPerson[before - 1])
        {
            return true;
        }

        if (cue.Start >= 2 && tokens[cue.Start - 1].Id == and && u.FirstPerson[cue.Start - 2])
        {
            return true;
        }

        var after = cue.End + 1;
        return after + 1 < tokens.Length && tokens[after].Id == and && u.FirstPerson[after + 1];
    }

    /// <summary>A cue may end on the mention's first word: "worried about losing" + "losing control of my bowels".</summary>
    private bool IsHypothetical(Utterance u, int start, int end)
    {
        foreach (var cue in u.Of(PatternKind.HypotheticalAfter))
        {
            if (cue.Start > end && cue.Start - end - 1 <= HypotheticalAfterWindow && u.Scope[cue.Start] == u.Scope[start]
                && !FirstPersonBetween(u, Math.Max(0, start - 3), cue.Start))
            {
                return true;
            }
        }

        foreach (var cue in u.Of(PatternKind.Hypothetical))
        {
            if (cue.Start < start && cue.End <= start && start - cue.End - 1 <= vocabulary.HypotheticalWindow
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

    /// <summary>
    /// Past and resolved, in the same clause. Any current cue keeps a mention current ("I fell in 2019 and again
    /// yesterday"), except one inside a resolution ("totally fine now") or right after a negation ("no problems since").
    /// A mention that goes on into a later clause ("my right leg used to be numb years ago and so was my left") also
    /// takes the tense of the words inside it: a past cue in its first clause. A current cue inside any mention keeps it
    /// current ("... and now so is my left", "my left leg went numb in 2019 and so has my right"): the cautious reading.
    /// </summary>
    private bool IsPast(Utterance u, int start, int end)
    {
        var clause = u.Clause[start];
        var spansClauses = u.Clause[end] != clause;
        foreach (var cue in u.Of(PatternKind.Current))
        {
            var counts = cue.Overlaps(start, end) ? Inside(cue, start, end) : u.Clause[cue.Start] == clause;
            if (counts && !InsideResolution(u, cue) && !NegatedCue(u, cue))
            {
                return false;
            }
        }

        foreach (var cue in u.Of(PatternKind.Past))
        {
            var counts = cue.Overlaps(start, end)
                ? spansClauses && Inside(cue, start, end)
                : Distance(cue, start, end) <= vocabulary.PastWindow;
            if (counts && u.Clause[cue.Start] == clause)
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
            if (cue.Start > end && cue.Start - end - 1 <= vocabulary.PastWindow && u.Clause[cue.Start] == clause
                && !NegatedCue(u, cue) && !Blocked(u, cue))
            {
                return true;
            }
        }

        return ResolvedInNextScope(u, end);
    }

    private static bool InsideResolution(Utterance u, PhraseMatch cue)
    {
        foreach (var resolved in u.Of(PatternKind.Resolved))
        {
            if (resolved.Overlaps(cue.Start, cue.End))
            {
                return true;
            }
        }

        return false;
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
                if (cue.Start > anaphor.End && cue.Start - anaphor.End <= 4 && !NegatedCue(u, cue) && !Blocked(u, cue))
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
            if (negation.End < cue.Start && cue.Start - negation.End <= 3)
            {
                return true;
            }
        }

        return false;
    }

    private static bool Inside(PhraseMatch cue, int start, int end) => cue.Start > start && cue.End < end;

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
