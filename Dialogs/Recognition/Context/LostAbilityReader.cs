using BackCareBot.Dialogs.Recognition.Matching;
using BackCareBot.Dialogs.Recognition.Text;

namespace BackCareBot.Dialogs.Recognition.Context;

/// <summary>
/// "I don't have any control over my bladder", "no bladder control", "my leg doesn't have any strength": a negated
/// ability over a part of the body reports losing it. A plain negation reader takes these for denials, the
/// dangerous mistake.
/// </summary>
internal sealed class LostAbilityReader(IReadOnlySet<int> assertiveNegatives)
{
    /// <summary>Words from the negation to what it negates: "don't seem to be able to", "haven't got full strength".</summary>
    private const int NegationReach = 4;

    /// <summary>Words from the ability to the part of the body: "control over my bladder", "strength in my left leg".</summary>
    private const int AreaReach = 4;

    /// <summary>Words after an ability that may still turn it into a denial: "my legs don't have any strength problems".</summary>
    private const int KeptAfterReach = 2;

    /// <summary>
    /// The tokens that report a lost ability over <paramref name="area"/>, or null. Three word orders:
    /// "don't have any feeling in my groin", "no bladder control", "my leg doesn't have any strength".
    /// </summary>
    public (int Start, int End)? Find(Utterance u, PhraseMatch area)
    {
        foreach (var ability in u.Of(PatternKind.LostAbility))
        {
            if (ability.Index != area.Index || u.Clause[ability.Start] != u.Clause[area.Start]
                || OtherMentionCovers(u, area, ability) || KeptAfter(u, ability))
            {
                continue;
            }

            var span = ability.End < area.Start ? Before(u, ability, area)
                : ability.Start == area.End + 1 ? Compound(u, ability, area)
                : After(u, ability, area);
            if (span is not null)
            {
                return span;
            }
        }

        return null;
    }

    private (int, int)? Before(Utterance u, PhraseMatch ability, PhraseMatch area)
    {
        if (area.Start - ability.End - 1 > AreaReach || CommaBetween(u.TokenSpan, ability.End, area.Start))
        {
            return null;
        }

        var negation = NegationBefore(u, ability.Start, ability);
        return negation >= 0 && !KeptBetween(u, negation, area.Start) ? (negation, area.End) : null;
    }

    private (int, int)? Compound(Utterance u, PhraseMatch ability, PhraseMatch area)
    {
        var negation = NegationBefore(u, area.Start, ability);
        return negation >= 0 && !KeptBetween(u, negation, area.Start) ? (negation, ability.End) : null;
    }

    /// <summary>"my legs have no feeling": only with a verb of having, or "my legs don't feel weak" would count.</summary>
    private (int, int)? After(Utterance u, PhraseMatch ability, PhraseMatch area)
    {
        if (ability.Start <= area.End || ability.Start - area.End - 1 > NegationReach + 2
            || CommaBetween(u.TokenSpan, area.End, ability.Start) || !Possessed(u, area.End, ability.Start))
        {
            return null;
        }

        var negation = NegationBefore(u, ability.Start, ability);
        return negation > area.End && !KeptBetween(u, area.End, ability.Start) ? (area.Start, ability.End) : null;
    }

    /// <summary>The first token of a negation that ends at most NegationReach words before <paramref name="at"/>, or -1.</summary>
    private int NegationBefore(Utterance u, int at, PhraseMatch ability)
    {
        var tokens = u.TokenSpan;
        foreach (var cue in u.Of(PatternKind.Negation))
        {
            // "no feeling", "don't feel" are pseudo-cues so that they do not negate what follows; here they are the loss.
            if (cue.End < at && at - cue.End - 1 <= NegationReach && u.Clause[cue.End] == u.Clause[at]
                && !CommaBetween(tokens, cue.End, at) && (!u.PseudoCovered[cue.Start] || u.PseudoCovered[ability.Start]))
            {
                return cue.Start;
            }
        }

        for (var i = at - 1; i >= 0 && at - i - 1 <= NegationReach && u.Clause[i] == u.Clause[at] && tokens[i].Kind == TokenKind.Word; i--)
        {
            if (assertiveNegatives.Contains(tokens[i].Id) && (!u.PseudoCovered[i] || u.PseudoCovered[ability.Start]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// A red-flag phrase over the area speaks for itself ("don't feel weak in my legs"), unless it is the ability
    /// itself ("bladder control").
    /// </summary>
    private static bool OtherMentionCovers(Utterance u, PhraseMatch area, PhraseMatch ability)
    {
        foreach (var mention in u.Of(PatternKind.RedFlag))
        {
            if (mention.Overlaps(area.Start, area.End) && !mention.Overlaps(ability.Start, ability.End))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Possessed(Utterance u, int from, int to)
    {
        foreach (var verb in u.Of(PatternKind.Possession))
        {
            if (verb.Start > from && verb.End < to)
            {
                return true;
            }
        }

        return false;
    }

    private static bool KeptBetween(Utterance u, int from, int to)
    {
        foreach (var kept in u.Of(PatternKind.AbilityKeptBy))
        {
            if (kept.Start > from && kept.Start < to)
            {
                return true;
            }
        }

        return false;
    }

    private static bool KeptAfter(Utterance u, PhraseMatch ability)
    {
        foreach (var kept in u.Of(PatternKind.AbilityKeptBy))
        {
            if (kept.Start > ability.End && kept.Start - ability.End - 1 < KeptAfterReach && u.Clause[kept.Start] == u.Clause[ability.End])
            {
                return true;
            }
        }

        return false;
    }

    private static bool CommaBetween(ReadOnlySpan<Token> tokens, int from, int to)
    {
        for (var i = from + 1; i < to; i++)
        {
            if (tokens[i].Kind == TokenKind.Comma)
            {
                return true;
            }
        }

        return false;
    }
}
