using BackCareBot.Dialogs.Recognition.Matching;

namespace BackCareBot.Dialogs.Recognition.Context;

/// <summary>
/// "they" or "them" after a plural body part points back to it: "my legs are not ok, they keep giving way" is about the
/// legs, not about other people. The nearest candidate wins: another person named in between ("my legs are fine but my
/// parents are old, they keep falling") is who the pronoun means.
/// </summary>
internal static class PartAntecedent
{
    public static bool TryFind(Utterance u, PhraseMatch pronoun, out PhraseMatch part)
    {
        part = default;
        var found = false;
        foreach (var candidate in u.Of(PatternKind.PluralPart))
        {
            if (candidate.End < pronoun.Start && (!found || candidate.End > part.End))
            {
                part = candidate;
                found = true;
            }
        }

        if (!found)
        {
            return false;
        }

        foreach (var person in u.Of(PatternKind.OtherPerson))
        {
            if (person.Start > part.End && person.End < pronoun.Start && !u.StartsAt(PatternKind.PartPronoun, person.Start, out _))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether <paramref name="cue"/> is a pronoun that points back to a body part.</summary>
    public static bool PointsBack(Utterance u, PhraseMatch cue) =>
        u.StartsAt(PatternKind.PartPronoun, cue.Start, out _) && TryFind(u, cue, out _);
}
