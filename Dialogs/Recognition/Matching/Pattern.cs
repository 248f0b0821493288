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
    public int MatchFrom(ReadOnlySpan<Token> tokens, int start, ReadOnlySpan<bool> barriers, bool[] assertiveWords, GapRules rules)
    {
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
            var gap = wide ? wideGap : k == 1 ? firstGap : maxGap;
            var found = -1;
            for (var g = 0; g <= gap && next + g < tokens.Length; g++)
            {
                if (g > 0 && rules.Stops(tokens[next + g - 1], barriers[next + g - 1], wide))
                {
                    break;
                }

                found = slots[k].MatchAt(tokens, next + g);
                if (found >= 0)
                {
                    break;
                }
            }

            if (found < 0)
            {
                return -1;
            }

            next = found;
        }

        return next - 1;
    }
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

    private static bool Is(bool[] set, int id) => id >= 0 && id < set.Length && set[id];
}
