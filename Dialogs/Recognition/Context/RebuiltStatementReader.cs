using BackCareBot.Dialogs.Recognition.Matching;

namespace BackCareBot.Dialogs.Recognition.Context;

/// <summary>
/// Reads a rebuilt statement ("I can't control my poo") as a statement of its own, with the phrases and readers a whole
/// message gets: red-flag phrases, lost abilities ("I don't have control of my poo") and parts said to be not fine ("my
/// bowels aren't ok"). Only a finding that takes in the statement's own words, its negation and borrowed words counts,
/// so a complaint borrowed under "not" ("I've lost control of my bladder, not my bowels") is not read as a second one.
/// Each is placed on the person's own words and negation, whose clause then gives it its negation and tense.
/// </summary>
internal sealed class RebuiltStatementReader(PhraseMatcher matcher, LostAbilityReader lostAbility, NotFineReader notFine, ContextAnalyzer context)
{
    public void Read(Utterance u)
    {
        var rebuilt = u.Rebuilt;
        var statement = u.RebuiltReading;
        statement.Reset(u.Text, u.Now, rebuilt.Tokens.Items, rebuilt.Barriers);
        matcher.Match(statement.TokenSpan, statement.Barrier.AsSpan(0, statement.Tokens.Count), statement.Matches);
        statement.GroupMatches();
        ClauseSegmenter.Segment(statement);
        ContextAnalyzer.Prepare(statement);

        foreach (var blocker in statement.Of(PatternKind.RedFlagBlocker))
        {
            if (u.Rebuilt.Sources(blocker.Start, blocker.End, out var first, out var last) == WordSource.All)
            {
                u.LateMatches.Add(new PhraseMatch(PatternKind.RedFlagBlocker, blocker.Index, first, last));
            }
        }

        foreach (var mention in statement.Of(PatternKind.RedFlag))
        {
            Place(u, statement, mention.Index, mention.Start, mention.End);
        }

        foreach (var area in statement.Of(PatternKind.LostAbilityArea))
        {
            if (lostAbility.Find(statement, area) is var (start, end))
            {
                Place(u, statement, area.Index, start, end);
            }
        }

        foreach (var denial in statement.Of(PatternKind.RedFlagDenial))
        {
            if (notFine.Find(statement, denial) is var (start, end))
            {
                Place(u, statement, denial.Index, start, end);
            }
        }
    }

    /// <summary>
    /// Who a complaint is about and whether it is asked come from the statement before, which the person's own words
    /// after "but" no longer reach: "my mum can control her wee but not her poo", "what if I can control my wee but not
    /// my poo?". Negation and tense are left to the person's words.
    /// </summary>
    private void Place(Utterance u, Utterance statement, int flag, int start, int end)
    {
        if (u.Rebuilt.Sources(start, end, out var first, out var last) == WordSource.All
            && context.Classify(statement, start, end, historyCounts: true, negationCounts: false) is null)
        {
            u.LateMatches.Add(new PhraseMatch(PatternKind.RedFlag, flag, first, last));
        }
    }
}
