using BackCareBot.Dialogs.Recognition.Matching;

namespace BackCareBot.Dialogs.Recognition.Context;

/// <summary>
/// Carries a subject into a predicate that has none of its own, so red-flag phrases read across the two: "my left leg
/// doesn't feel right and is numb" says "leg ... is numb", and "my legs are not ok, they are numb" says "legs ... are
/// numb". Each such mention sits on the predicate, whose clause keeps the first predicate's negation out.
/// </summary>
internal sealed class SubjectCarrier(PhraseMatcher flagMatcher)
{
    /// <summary>Predicates followed back to their subject: "my leg doesn't feel right, is sore and is weak" takes two.</summary>
    private const int MaxCarriedPredicates = 3;

    public void Carry(Utterance u)
    {
        var tokens = u.TokenSpan;
        var barriers = u.Barrier.AsSpan(0, tokens.Length);
        Span<int> subjectEnds = tokens.Length <= 512 ? stackalloc int[tokens.Length] : new int[tokens.Length];
        subjectEnds.Fill(-1);
        foreach (var predicate in u.Of(PatternKind.CoordinatedPredicate))
        {
            if (CarriedPredicate.Follows(u, predicate.Start, out var subjectEnd))
            {
                subjectEnds[predicate.Start] = subjectEnd;
            }
        }

        for (var predicate = 0; predicate < tokens.Length; predicate++)
        {
            var subjectEnd = subjectEnds[predicate];
            if (subjectEnd >= 0)
            {
                flagMatcher.MatchCarried(tokens, barriers, SubjectStart(u, subjectEnds, subjectEnd), new Bridge(subjectEnd, predicate), u.LateMatches);
            }
        }

        foreach (var pronoun in u.Of(PatternKind.PartPronoun))
        {
            if (pronoun.End + 1 < tokens.Length && PartAntecedent.TryFind(u, pronoun, out var part))
            {
                flagMatcher.MatchCarried(tokens, barriers, part.Start, new Bridge(part.End, pronoun.End + 1), u.LateMatches);
            }
        }

        u.AddLateMatches();
    }

    /// <summary>
    /// The first token of the clause that holds the subject, followed back through predicates it was itself carried
    /// into: in "my leg doesn't feel right, is sore and is weak", "is weak" is still about "my leg".
    /// </summary>
    private static int SubjectStart(Utterance u, ReadOnlySpan<int> subjectEnds, int subjectEnd)
    {
        var start = subjectEnd;
        for (var carried = 0; ; carried++)
        {
            while (start > 0 && u.Clause[start - 1] == u.Clause[start])
            {
                start--;
            }

            // A clause opened by "but" starts at the terminator, not at the predicate after it.
            var predicate = u.StartsAt(PatternKind.Terminator, start, out var terminatorEnd) ? terminatorEnd + 1 : start;
            if (carried == MaxCarriedPredicates || predicate >= subjectEnds.Length || subjectEnds[predicate] < 0)
            {
                return start;
            }

            start = subjectEnds[predicate];
        }
    }
}
