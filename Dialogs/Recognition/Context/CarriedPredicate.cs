using BackCareBot.Dialogs.Recognition.Text;

namespace BackCareBot.Dialogs.Recognition.Context;

/// <summary>
/// A predicate with no subject of its own after "and", a comma or "but" ("my leg aches and is weak") continues the
/// clause before it: it takes that clause's subject, yet a negation there does not reach it.
/// </summary>
internal static class CarriedPredicate
{
    /// <summary>Links in a row: ", and then".</summary>
    private const int MaxLinks = 3;

    /// <summary>
    /// Whether the coordinated predicate starting at <paramref name="start"/> follows a link ("and", ",", "but", "and
    /// then"); <paramref name="subjectEnd"/> is then the last token before the link.
    /// </summary>
    public static bool Follows(Utterance u, int start, out int subjectEnd)
    {
        subjectEnd = StatementLinks.SkipBack(u, start - 1, acrossSentences: false, MaxLinks, out var links);
        return links > 0 && subjectEnd >= 0 && u.TokenSpan[subjectEnd].Kind is TokenKind.Word or TokenKind.Number;
    }
}
