using BackCareBot.Dialogs.Recognition.Matching;
using BackCareBot.Dialogs.Recognition.Text;

namespace BackCareBot.Dialogs.Recognition.Context;

/// <summary>
/// Numbers sentences, scopes and clauses. A scope ends at a sentence end or a terminator ("but", "except");
/// a clause also ends where a comma or "and" is followed by a new subject ("no fever, my legs are weak") or by a
/// predicate that shares the subject before ("my leg doesn't feel right and is numb"). Cues only reach mentions in
/// their own scope or clause.
/// </summary>
internal static class ClauseSegmenter
{
    /// <summary>"legs", "left leg": how many words a subject without a starter word may have.</summary>
    private const int MaxBareSubject = 2;

    /// <summary>"legs and feet and toes": how many parts before "and" a subject may list.</summary>
    private const int MaxListedParts = 2;

    [Flags]
    private enum Mark : byte
    {
        None = 0,
        Terminator = 1,
        Starter = 2,
        JoinerEnd = 4,
        CarriedPredicate = 8,

        /// <summary>"my mum's leg isn't sore but is numb": a terminator before a carried predicate keeps the scope.</summary>
        KeepsScope = 16,
    }

    public static void Segment(Utterance utterance)
    {
        var tokens = utterance.TokenSpan;
        Span<Mark> marks = tokens.Length <= 512 ? stackalloc Mark[tokens.Length] : new Mark[tokens.Length];
        marks.Clear();
        foreach (var m in utterance.Of(PatternKind.CoordinatedPredicate))
        {
            if (CarriedPredicate.Follows(utterance, m.Start, out _))
            {
                marks[m.Start] |= Mark.CarriedPredicate;
            }
        }

        foreach (var m in utterance.Of(PatternKind.Terminator))
        {
            marks[m.Start] |= Mark.Terminator;
            if (m.End + 1 < tokens.Length && marks[m.End + 1].HasFlag(Mark.CarriedPredicate))
            {
                marks[m.Start] |= Mark.KeepsScope;
            }
        }

        foreach (var m in utterance.Of(PatternKind.ClauseStarter))
        {
            marks[m.Start] |= Mark.Starter;
        }

        foreach (var m in utterance.Of(PatternKind.ClauseJoiner))
        {
            marks[m.End] |= Mark.JoinerEnd;
        }

        MarkBareSubjects(utterance, marks, PatternKind.Auxiliary);
        MarkBareSubjects(utterance, marks, PatternKind.CoordinatedPredicate);

        int sentence = 0, scope = 0, clause = 0;
        for (var i = 0; i < tokens.Length; i++)
        {
            var mark = marks[i];
            if (mark.HasFlag(Mark.Terminator))
            {
                if (!mark.HasFlag(Mark.KeepsScope))
                {
                    scope++;
                }

                clause++;
            }
            else if (i > 0 && (mark & (Mark.Starter | Mark.CarriedPredicate)) != 0
                     && (tokens[i - 1].Kind == TokenKind.Comma || marks[i - 1].HasFlag(Mark.JoinerEnd)))
            {
                clause++;
            }

            utterance.Sentence[i] = sentence;
            utterance.Scope[i] = scope;
            utterance.Clause[i] = clause;
            if (tokens[i].Kind == TokenKind.SentenceEnd)
            {
                sentence++;
                scope++;
                clause++;
            }
        }
    }

    /// <summary>
    /// "no fever, legs are weak": a word or two after a comma, then a verb, is a statement with a subject of its own, not
    /// another item of the negated list ("no fever, chills or sweats" has no verb and stays one list). After "and" the two
    /// usually share the verb ("wee and poo are under control"), so the statement is read as its own only when reading it
    /// into the one before could hide a red flag (<see cref="OwnStatementAfterJoiner"/>). Parts listed with "and" share
    /// the verb whole ("I haven't noticed that my legs and feet are numb"), so the subject is the list, and what stands
    /// before the list decides ("no fever and legs and feet are numb").
    /// </summary>
    private static void MarkBareSubjects(Utterance utterance, Span<Mark> marks, PatternKind verbs)
    {
        var tokens = utterance.TokenSpan;
        foreach (var verb in utterance.Of(verbs))
        {
            var listed = 0;
            for (int start = verb.Start - 1, words = 1; start >= 1 && words <= MaxBareSubject && tokens[start].Kind == TokenKind.Word; start--, words++)
            {
                if (tokens[start - 1].Kind == TokenKind.Comma)
                {
                    marks[start] |= Mark.Starter;
                    break;
                }

                if (!marks[start - 1].HasFlag(Mark.JoinerEnd))
                {
                    continue;
                }

                if (listed < MaxListedParts && ListedPartBefore(utterance, start - 1, out var partStart))
                {
                    listed++;
                    start = partStart + 1;
                    words = 0;
                    continue;
                }

                if (OwnStatementAfterJoiner(utterance, marks, start, verb))
                {
                    marks[start] |= Mark.Starter;
                    break;
                }
            }
        }
    }

    /// <summary>
    /// Whether the joiner ending at <paramref name="joinerEnd"/> lists a part with the part before it ("legs and feet",
    /// "bladder and bowels"), and where that part starts. A part after a preposition is no subject: "no tingling in my
    /// hands and feet are numb".
    /// </summary>
    private static bool ListedPartBefore(Utterance u, int joinerEnd, out int partStart)
    {
        partStart = -1;
        return u.EndsAt(PatternKind.ClauseJoiner, joinerEnd, out var joinerStart) && joinerStart > 0
            && u.EndsAt(PatternKind.ListedPart, joinerStart - 1, out partStart)
            && !u.EndsAt(PatternKind.PartObject, joinerStart - 1, out _);
    }

    /// <summary>
    /// Whether the words from <paramref name="subject"/> through <paramref name="verb"/>, after a joiner, tell a red flag
    /// ("no fever and legs feel weak") or follow a negation that would otherwise reach them ("no fever and bowels aren't
    /// right"). Either way the cautious reading is a statement of its own: "no" does not deny what it says.
    /// </summary>
    private static bool OwnStatementAfterJoiner(Utterance u, ReadOnlySpan<Mark> marks, int subject, PhraseMatch verb)
    {
        // A mention that takes in its own "fine" denies itself: "poo are under control" is read as "poo ... control".
        foreach (var mention in u.Of(PatternKind.RedFlag))
        {
            if (mention.Start >= subject && mention.Start <= verb.End + 1 && mention.End >= verb.Start
                && !u.AnyOverlapping(PatternKind.NegationAfter, mention.Start, mention.End))
            {
                return true;
            }
        }

        if (!u.EndsAt(PatternKind.ClauseJoiner, subject - 1, out var joiner))
        {
            return false;
        }

        // A negation reaches the joiner only across words: not across punctuation, a scope word or another joiner. In "no
        // fever and wee and poo are under control" the second "and" is not reached, so "wee and poo" share their verb.
        var reach = joiner;
        while (reach > 0 && !u.Barrier[reach - 1] && !marks[reach - 1].HasFlag(Mark.JoinerEnd))
        {
            reach--;
        }

        foreach (var negation in u.Of(PatternKind.Negation))
        {
            if (negation.Start >= reach && negation.End < joiner && !u.AnyOverlapping(PatternKind.Pseudo, negation.Start, negation.End))
            {
                return true;
            }
        }

        return false;
    }
}
