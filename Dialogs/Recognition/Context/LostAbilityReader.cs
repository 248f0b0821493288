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

    /// <summary>Words from the part of the body to a closing "but not always": "my bladder, just about, most of the time".</summary>
    private const int PartlyReach = 3;

    /// <summary>
    /// The tokens that report a lost ability over <paramref name="area"/>, or null. Three word orders:
    /// "don't have any feeling in my groin", "no bladder control", "my leg doesn't have any strength".
    /// </summary>
    public (int Start, int End)? Find(Utterance u, PhraseMatch area)
    {
        foreach (var ability in u.Of(PatternKind.LostAbility))
        {
            if (ability.Index != area.Index || u.Clause[ability.Start] != u.Clause[area.Start])
            {
                continue;
            }

            // The word-order checks are cheap and usually fail; the two filters loop over other matches, so they come last.
            var span = ability.End < area.Start ? Before(u, ability, area) ?? PartlyAfter(u, ability.Start, area)
                : ability.Start == area.End + 1 ? Compound(u, ability, area) ?? PartlyAfter(u, area.Start, ability)
                : After(u, ability, area);
            if (span is not null && !OtherMentionCovers(u, area, ability) && !KeptAfter(u, ability))
            {
                return span;
            }
        }

        return null;
    }

    private (int, int)? Before(Utterance u, PhraseMatch ability, PhraseMatch area)
    {
        if (area.Start - ability.End - 1 > AreaReach || u.CommaBetween(ability.End, area.Start))
        {
            return null;
        }

        var start = LossStart(u, ability.Start, ability, area.Start);
        return start >= 0 ? (start, area.End) : null;
    }

    private (int, int)? Compound(Utterance u, PhraseMatch ability, PhraseMatch area)
    {
        var start = LossStart(u, area.Start, ability, area.Start);
        return start >= 0 ? (start, ability.End) : null;
    }

    /// <summary>
    /// "I can control my bladder, but not always", "I have bladder control most of the time": a held ability made
    /// partial at the end of what is said, and so partly lost. The qualifier must close the sentence or the message;
    /// with more after it ("not always been this sore") it may be about something else.
    /// </summary>
    private static (int, int)? PartlyAfter(Utterance u, int start, PhraseMatch last)
    {
        var tokens = u.TokenSpan;
        foreach (var partly in u.Of(PatternKind.AbilityPartlyAfter))
        {
            if (partly.Start > last.End && partly.Start - last.End - 1 <= PartlyReach
                && u.Sentence[partly.Start] == u.Sentence[last.End]
                && (partly.End + 1 == tokens.Length || tokens[partly.End + 1].Kind != TokenKind.Word))
            {
                return (start, partly.End);
            }
        }

        return null;
    }

    /// <summary>"my legs have no feeling": only with a verb of having, or "my legs don't feel weak" would count.</summary>
    private (int, int)? After(Utterance u, PhraseMatch ability, PhraseMatch area)
    {
        if (ability.Start <= area.End || ability.Start - area.End - 1 > NegationReach + 2
            || u.CommaBetween(area.End, ability.Start) || !u.AnyStartingBetween(PatternKind.Possession, area.End, ability.Start))
        {
            return null;
        }

        return LossStart(u, ability.Start, ability, ability.Start) > area.End ? (area.Start, ability.End) : null;
    }

    /// <summary>
    /// The first token of what makes the ability lost, ending at most NegationReach words before <paramref name="at"/>,
    /// or -1: a negation ("don't have any"), unless a word such as "problems" before <paramref name="until"/> keeps it
    /// a denial; or a word of loss or doubt ("losing", "trouble", "not sure I can"), whose own negation ("no trouble")
    /// the context reading then finds.
    /// </summary>
    private int LossStart(Utterance u, int at, PhraseMatch ability, int until)
    {
        var negation = NegationBefore(u, at, ability);
        if (negation >= 0 && !u.AnyStartingBetween(PatternKind.AbilityKeptBy, negation, until))
        {
            return negation;
        }

        foreach (var cue in u.Of(PatternKind.AbilityLoss))
        {
            if (cue.End < at && at - cue.End - 1 <= NegationReach && u.Clause[cue.End] == u.Clause[at]
                && !u.CommaBetween(cue.End, at) && !u.AnyStartingBetween(PatternKind.AbilityKeptBy, cue.Start, until))
            {
                return cue.Start;
            }
        }

        return -1;
    }

    /// <summary>The first token of a negation that ends at most NegationReach words before <paramref name="at"/>, or -1.</summary>
    private int NegationBefore(Utterance u, int at, PhraseMatch ability)
    {
        var tokens = u.TokenSpan;
        foreach (var cue in u.Of(PatternKind.Negation))
        {
            // "no feeling", "don't feel" are pseudo-cues so that they do not negate what follows; here they are the loss.
            if (cue.End < at && at - cue.End - 1 <= NegationReach && u.Clause[cue.End] == u.Clause[at]
                && !u.CommaBetween(cue.End, at) && (!u.PseudoCovered[cue.Start] || u.PseudoCovered[ability.Start]))
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
}
