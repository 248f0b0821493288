using BackCareBot.Dialogs.Recognition.Text;

namespace BackCareBot.Dialogs.Recognition.Matching;

/// <summary>
/// A compiled phrase: slots matched in order, with up to MaxGap filler words between them. Fillers never
/// include punctuation or scope-ending words, so a phrase does not reach across "but" or a full stop.
/// After a first word that is itself a negative ("can't", "haven't") at most one filler is allowed: "can't ...
/// pee" must stay close, or "haven't had any problems peeing" would read as "haven't peed". A negative bound to
/// its verb in the first slot ("can't move") takes the usual gap: "can't move my left leg".
/// A negation word is never a filler ("pain doesn't go into my legs" is not "pain into my legs"). A wide slot
/// may stand up to WideGap words away and across commas, for a symptom told in two parts of one sentence.
/// </summary>
internal sealed class Pattern(Slot[] slots, PatternKind kind, int index, int maxGap, int wideGap = 0)
{
    public Slot[] Slots => slots;

    public PatternKind Kind => kind;

    public int Index => index;

    /// <summary>The inclusive end token of a match starting at start, or -1.</summary>
    public int MatchFrom(ReadOnlySpan<Token> tokens, int start, ReadOnlySpan<bool> barriers, bool[] assertiveWords, GapRules rules) =>
        MatchFrom(tokens, start, barriers, assertiveWords, rules, Bridge.None, out _);

    /// <summary>
    /// As above, but a slot not found after a slot that ended in the subject may be found at the start of the predicate
    /// the subject is carried into: "my leg doesn't feel right and is numb" reads "leg ... is numb". Only the subject
    /// crosses: a negation before the bridge stays behind, or "doesn't feel right, is weak" would read "doesn't feel
    /// ... weak". A match may cross one bridge; <paramref name="bridged"/> says whether it did.
    /// </summary>
    public int MatchFrom(
        ReadOnlySpan<Token> tokens, int start, ReadOnlySpan<bool> barriers, bool[] assertiveWords, GapRules rules, Bridge bridge, out bool bridged)
    {
        bridged = false;
        var next = slots[0].MatchAt(tokens, start);
        if (next < 0)
        {
            return -1;
        }

        var firstId = tokens[start].Id;
        var negativeAlone = next == start + 1 && firstId >= 0 && firstId < assertiveWords.Length && assertiveWords[firstId];
        var firstGap = negativeAlone ? Math.Min(1, maxGap) : maxGap;
        for (var k = 1; k < slots.Length; k++)
        {
            var wide = slots[k].Wide;
            var gap = k == 1 ? firstGap : maxGap;
            var found = Find(slots[k], tokens, next, wide ? wideGap : gap, wide, barriers, rules);

            // The bridge stands for the words it skips, so the slot after it keeps to the ordinary gap.
            if (found < 0 && !bridged && next - 1 <= bridge.SubjectEnd && !rules.AnyNegation(tokens[start..next]))
            {
                found = Find(slots[k], tokens, bridge.PredicateStart, gap, wide: false, barriers, rules);
                bridged = found >= 0;
            }

            if (found < 0)
            {
                return -1;
            }

            next = found;
        }

        return next - 1;
    }

    /// <summary>The index just after <paramref name="slot"/> found at most <paramref name="gap"/> fillers from <paramref name="from"/>, or -1.</summary>
    private static int Find(Slot slot, ReadOnlySpan<Token> tokens, int from, int gap, bool wide, ReadOnlySpan<bool> barriers, GapRules rules)
    {
        for (var g = 0; g <= gap && from + g < tokens.Length; g++)
        {
            if (g > 0 && rules.Stops(tokens[from + g - 1], barriers[from + g - 1], wide))
            {
                return -1;
            }

            var found = slot.MatchAt(tokens, from + g);
            if (found >= 0)
            {
                return found;
            }
        }

        return -1;
    }
}

/// <summary>
/// Where a subject is carried into a predicate of its own: tokens up to <see cref="SubjectEnd"/> may be followed, in a
/// phrase, by tokens from <see cref="PredicateStart"/>.
/// </summary>
internal readonly record struct Bridge(int SubjectEnd, int PredicateStart)
{
    public static Bridge None { get; } = new(-1, -1);
}

/// <summary>
/// Which filler words end a gap: negations always; scope words, except that a wide gap crosses "except"; and for
/// a wide gap, another part of the body.
/// </summary>
internal sealed class GapRules(bool[] negations, bool[] wideStops, bool[] exceptions)
{
    public bool Stops(in Token filler, bool barrier, bool wide)
    {
        return filler.Kind switch
        {
            TokenKind.Word => Is(negations, filler.Id) || (wide && Is(wideStops, filler.Id)) || (barrier && !(wide && Is(exceptions, filler.Id))),
            TokenKind.Number => false,
            TokenKind.Comma or TokenKind.Slash => !wide,
            _ => true,
        };
    }

    /// <summary>Whether any of these tokens is a negation word, which never stands in a gap.</summary>
    public bool AnyNegation(ReadOnlySpan<Token> tokens)
    {
        foreach (ref readonly var token in tokens)
        {
            if (token.Kind == TokenKind.Word && Is(negations, token.Id))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Is(bool[] set, int id) => id >= 0 && id < set.Length && set[id];
}
