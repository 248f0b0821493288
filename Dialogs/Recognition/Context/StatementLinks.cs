using BackCareBot.Dialogs.Recognition.Matching;
using BackCareBot.Dialogs.Recognition.Text;

namespace BackCareBot.Dialogs.Recognition.Context;

/// <summary>
/// What joins one statement to the next: a comma, "and", "but", "whereas" ..., and a full stop where a statement may
/// lean on one in the sentence before ("My bowels are under control. My bladder's not.").
/// </summary>
internal static class StatementLinks
{
    /// <summary>Whether a link ends at <paramref name="at"/>; <paramref name="start"/> is then its first token.</summary>
    public static bool EndsAt(Utterance u, int at, bool acrossSentences, out int start)
    {
        start = at;
        var kind = u.TokenSpan[at].Kind;
        return kind == TokenKind.Comma || (acrossSentences && kind == TokenKind.SentenceEnd)
            || u.EndsAt(PatternKind.ClauseJoiner, at, out start) || u.EndsAt(PatternKind.Terminator, at, out start);
    }

    /// <summary>
    /// The last token before at most <paramref name="maxLinks"/> links in a row that end at <paramref name="end"/>
    /// (", and then"), or -1; <paramref name="links"/> counts the links passed.
    /// </summary>
    public static int SkipBack(Utterance u, int end, bool acrossSentences, int maxLinks, out int links)
    {
        links = 0;
        while (end >= 0 && links < maxLinks && EndsAt(u, end, acrossSentences, out var start))
        {
            end = start - 1;
            links++;
        }

        return end;
    }
}
