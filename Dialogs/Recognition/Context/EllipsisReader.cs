using BackCareBot.Dialogs.Recognition.Matching;
using BackCareBot.Dialogs.Recognition.Text;

namespace BackCareBot.Dialogs.Recognition.Context;

/// <summary>
/// Reads an elided statement whole. A short statement that ends in a negation ("wee's under control, poo is not")
/// borrows what the statement before says of its subject: "poo isn't under control". One that opens with "not" ("I can
/// control my wee but not my poo") is the statement before with its last words swapped and its verb negated: "I can't
/// control my poo". The rebuilt words are then read as a statement of their own (<see cref="RebuiltStatementReader"/>).
/// </summary>
internal sealed class EllipsisReader(RebuiltStatementReader reader, Tokenizer tokenizer)
{
    /// <summary>The statement's own words: "poo", "my bowels", "my bowels definitely".</summary>
    private const int MaxOwnWords = 3;

    /// <summary>Longer statements before are read as they are: borrowing from them would be a guess.</summary>
    private const int MaxBorrowedWords = 12;

    /// <summary>Links in a row between the two statements: ", but", ". And".</summary>
    private const int MaxLinks = 3;

    /// <summary>Words between the person and their "fine": "I feel fine", "I am feeling fine", "I've been feeling fine".</summary>
    private const int MaxLinkingWords = 2;

    /// <summary>Call after grouping matches and before numbering clauses: an elided statement opens a clause of its own.</summary>
    public void Resolve(Utterance u)
    {
        foreach (var negative in u.Of(PatternKind.EllipsisNegative))
        {
            // "not sure", "no longer": words that only look like a negation. "not" in "not always" is read as part of it.
            if (u.AnyOverlapping(PatternKind.Pseudo, negative.Start, negative.End)
                || (u.StartsAt(PatternKind.EllipsisNegative, negative.Start, out var longest) && longest > negative.End))
            {
                continue;
            }

            if (RebuildClosing(u, negative, out var statementStart) || RebuildOpening(u, negative, out statementStart))
            {
                reader.Read(u);

                // The statement has a subject of its own, so a negation in the statement before does not reach into it.
                u.LateMatches.Add(new PhraseMatch(PatternKind.ClauseStarter, 0, statementStart, statementStart));
            }
        }

        u.AddLateMatches();
    }

    /// <summary>
    /// "poo is not", "my bowels aren't either": own words, then the negation, then what the statement before says after
    /// its auxiliary, or, when it has none, in the person's place (<see cref="RebuildInPersonsPlace"/>).
    /// </summary>
    private static bool RebuildClosing(Utterance u, PhraseMatch negative, out int statementStart)
    {
        statementStart = negative.Start;
        while (statementStart > 0 && negative.Start - statementStart <= MaxOwnWords && IsPlain(u, statementStart - 1))
        {
            statementStart--;
        }

        var own = negative.Start - statementStart;
        if (own == 0 || own > MaxOwnWords || !LinkStartsAt(u, SkipTrailers(u, negative.End + 1))
            || !FindStatementBefore(u, statementStart, out var from, out var to, out var auxiliary))
        {
            return false;
        }

        if (auxiliary < 0)
        {
            if (FineSelf(u, from, to, statementStart) is not { } self)
            {
                return false;
            }

            RebuildInPersonsPlace(u, from, to, self, statementStart, negative.Start - 1, negative);
            return true;
        }

        if (auxiliary >= to)
        {
            return false;
        }

        var rebuilt = u.Rebuilt;
        rebuilt.Clear();
        rebuilt.AddRange(u, statementStart, negative.Start - 1, WordSource.Own);
        rebuilt.AddRange(u, negative.Start, negative.End, WordSource.Negation);
        rebuilt.AddRange(u, auxiliary + 1, to, WordSource.Borrowed);
        return true;
    }

    /// <summary>
    /// A statement before with no auxiliary to negate ("I feel fine"), rebuilt with the short statement's own words in the
    /// person's place and the negation right before what the person said of themselves, where a "fine" reads negated: "I
    /// feel fine but not my bowels" and "I feel fine but my bowels don't" both read "my bowels not feel fine". Words before
    /// the person still frame it: "what if I feel fine but my bowels don't?".
    /// </summary>
    private static void RebuildInPersonsPlace(Utterance u, int from, int to, (int Start, int End) self, int ownStart, int ownEnd, PhraseMatch negative)
    {
        var rebuilt = u.Rebuilt;
        rebuilt.Clear();
        rebuilt.AddRange(u, from, self.Start - 1, WordSource.Borrowed);
        AddOwnWords(u, ownStart, ownEnd, self.Start, self.End);
        rebuilt.AddRange(u, negative.Start, negative.End, WordSource.Negation);
        rebuilt.AddRange(u, self.End + 1, to, WordSource.Borrowed);
    }

    /// <summary>
    /// "but not my poo": the statement before with its last words swapped for these and its auxiliary negated. When the
    /// swapped words stand before the auxiliary ("my legs are numb but not my feet", or "I'm fine but not my bowels", where
    /// the subject is part of the auxiliary) they are its subject instead, and so they are after a "fine" said of the
    /// person ("I feel fine but not my bowels", "I'm doing fine but not my bowels": the bowels are not fine). When the
    /// statement before is itself negative ("I've had no problems with my bladder but not my bowels", "I can't control my
    /// wee but not my poo") a contrasting "not" undoes that negation instead: there are problems with the bowels, and the
    /// poo is under control. A statement with no auxiliary can only be read that way ("no problems with my bladder but not
    /// my bowels").
    /// </summary>
    private bool RebuildOpening(Utterance u, PhraseMatch negative, out int statementStart)
    {
        statementStart = negative.Start;
        var ownStart = negative.End + 1;
        var ownEnd = negative.End;
        while (ownEnd + 1 < u.Tokens.Count && ownEnd - negative.End < MaxOwnWords && IsPlain(u, ownEnd + 1)
               && !LinkStartsAt(u, ownEnd + 1) && !u.StartsAt(PatternKind.EllipsisTrailer, ownEnd + 1, out _))
        {
            ownEnd++;
        }

        if (ownEnd == negative.End || !LinkStartsAt(u, SkipTrailers(u, ownEnd + 1))
            || !FindStatementBefore(u, negative.Start, out var from, out var to, out var auxiliary))
        {
            return false;
        }

        var swapped = SwappedStart(u, from, to, ownStart, ownEnd - ownStart + 1);
        var negativeAuxiliary = auxiliary >= 0 && u.StartsAt(PatternKind.EllipsisNegative, auxiliary, out _);
        var rebuilt = u.Rebuilt;
        rebuilt.Clear();
        if (!negativeAuxiliary && FineSelf(u, from, to, ownStart) is { } self && (auxiliary < 0 || auxiliary >= self.Start))
        {
            if (auxiliary < 0)
            {
                RebuildInPersonsPlace(u, from, to, self, ownStart, ownEnd, negative);
                return true;
            }

            swapped = self.Start;
        }

        if (swapped > auxiliary)
        {
            var undone = !Contrasts(u, negative.Start, ownEnd) ? null
                : negativeAuxiliary ? (auxiliary, auxiliary)
                : NegationWithin(u, Math.Max(from, auxiliary + 1), swapped - 1);
            if (undone is var (start, end))
            {
                rebuilt.AddRange(u, from, start - 1, WordSource.Borrowed);
                rebuilt.AddRange(u, end + 1, swapped - 1, WordSource.Borrowed);
                rebuilt.NegationUndoes(negative.Start, negative.End);
            }
            else if (auxiliary >= 0 && !negativeAuxiliary)
            {
                rebuilt.AddRange(u, from, auxiliary - 1, WordSource.Borrowed);
                AddNegatedAuxiliary(u, auxiliary, negative);
                rebuilt.AddRange(u, auxiliary + 1, swapped - 1, WordSource.Borrowed);
            }
            else
            {
                return false;
            }

            AddOwnWords(u, ownStart, ownEnd, swapped, to);
            return true;
        }

        // Words that open a time are no subject: "I'm fine but not when I pee".
        if (auxiliary >= 0 && !negativeAuxiliary && auxiliary < to && !u.StartsAt(PatternKind.EllipsisCircumstance, ownStart, out _))
        {
            // Words before the subject still frame the statement: "what if my bladder's ok but not my bowels?"
            rebuilt.AddRange(u, from, swapped - 1, WordSource.Borrowed);
            AddOwnWords(u, ownStart, ownEnd, Math.Max(from, swapped), auxiliary - 1);
            AddNegatedAuxiliary(u, auxiliary, negative);
            rebuilt.AddRange(u, auxiliary + 1, to, WordSource.Borrowed);
            return true;
        }

        return false;
    }

    /// <summary>
    /// Whether the short statement opening at <paramref name="negativeStart"/> contrasts with the statement before ("but
    /// not my bowels", ", not my bowels"), so its negation may undo one there, rather than adding to it ("and not my
    /// bowels", "not my bowels either").
    /// </summary>
    private static bool Contrasts(Utterance u, int negativeStart, int ownEnd)
    {
        var at = negativeStart - 1;
        for (var links = 0; links < MaxLinks && at >= 0 && StatementLinks.EndsAt(u, at, acrossSentences: true, out var linkStart); links++)
        {
            if (u.EndsAt(PatternKind.ClauseJoiner, at, out _))
            {
                return false;
            }

            at = linkStart - 1;
        }

        for (at = ownEnd + 1; at < u.Tokens.Count && u.StartsAt(PatternKind.EllipsisTrailer, at, out var trailerEnd); at = trailerEnd + 1)
        {
            if (u.StartsAt(PatternKind.EllipsisAlso, at, out _))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The person the statement before is about, when it ends in a "fine" a word or two after them ("I feel fine", "I'm
    /// doing fine", "I think I feel ok"): the part named after "but not" takes their place, not that of the last words
    /// ("I feel fine but not my bowels" says the bowels are not fine). The person nearest the "fine" counts, by their last
    /// word, so "everything else" is taken whole rather than "everything". Words that open a time ("but not when I pee")
    /// take no one's place.
    /// </summary>
    private static (int Start, int End)? FineSelf(Utterance u, int from, int to, int ownStart)
    {
        if (!u.EndsAt(PatternKind.NegationAfter, to, out var fine) || u.StartsAt(PatternKind.EllipsisCircumstance, ownStart, out _))
        {
            return null;
        }

        (int Start, int End)? self = null;
        foreach (var m in u.Of(PatternKind.EllipsisSelf))
        {
            if (m.Start >= from && m.End < fine && fine - m.End - 1 <= MaxLinkingWords && (self is null || m.End > self.Value.End))
            {
                self = (m.Start, m.End);
            }
        }

        return self;
    }

    /// <summary>
    /// The first and last token of a negation lying wholly from <paramref name="from"/> to <paramref name="to"/>, or null.
    /// Words that only look like one ("no idea") do not count: "I have no idea why I've lost control of my bladder but
    /// not my bowels" keeps the bowels out. A lost ability ("no control") does: it is a negation the reader sets aside.
    /// </summary>
    private static (int Start, int End)? NegationWithin(Utterance u, int from, int to)
    {
        foreach (var negation in u.Of(PatternKind.Negation))
        {
            if (negation.Start >= from && negation.End <= to && !OnlyLooksNegative(u, negation))
            {
                return (negation.Start, negation.End);
            }
        }

        return null;
    }

    private static bool OnlyLooksNegative(Utterance u, PhraseMatch negation)
    {
        foreach (var pseudo in u.Of(PatternKind.Pseudo))
        {
            if (pseudo.Overlaps(negation.Start, negation.End) && !u.AnyOverlapping(PatternKind.LostAbility, pseudo.Start, pseudo.End))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The statement's own words, and when they end in a side ("but not my right") the part of the body they leave out:
    /// the words after the side among those they stand in for, <paramref name="swappedFrom"/>..<paramref name="swappedTo"/>
    /// ("my left leg"), so "my right" reads "my right leg".
    /// </summary>
    private static void AddOwnWords(Utterance u, int ownStart, int ownEnd, int swappedFrom, int swappedTo)
    {
        u.Rebuilt.AddRange(u, ownStart, ownEnd, WordSource.Own);
        if (!u.EndsAt(PatternKind.EllipsisSide, ownEnd, out var ownSide) || ownSide < ownStart)
        {
            return;
        }

        var sideEnd = -1;
        foreach (var side in u.Of(PatternKind.EllipsisSide))
        {
            if (side.Start >= swappedFrom && side.End < swappedTo && side.End > sideEnd)
            {
                sideEnd = side.End;
            }
        }

        if (sideEnd >= 0)
        {
            u.Rebuilt.AddRange(u, sideEnd + 1, swappedTo, WordSource.Borrowed);
        }
    }

    /// <summary>
    /// "can" + "not" read as one word, "can't", as typed text reads it; otherwise the words as they are. A word that makes
    /// the negation partial ("not always", "not really") goes before the joined word, "always can't", so that phrases
    /// read the negated verb whole ("can't move", "can't control"): the stronger reading, on the cautious side.
    /// </summary>
    private void AddNegatedAuxiliary(Utterance u, int auxiliary, PhraseMatch negative)
    {
        var tokens = u.TokenSpan;
        var rebuilt = u.Rebuilt;
        if (tokenizer.TryJoin(tokens[auxiliary].Id, tokens[negative.Start].Id, out var joined))
        {
            rebuilt.AddRange(u, negative.Start + 1, negative.End, WordSource.Negation);
            var token = tokens[auxiliary];
            token.Id = joined;
            rebuilt.Add(token, negative.Start, WordSource.Borrowed | WordSource.Negation, barrier: false);
            return;
        }

        rebuilt.AddRange(u, auxiliary, auxiliary, WordSource.Borrowed);
        rebuilt.AddRange(u, negative.Start, negative.End, WordSource.Negation);
    }

    /// <summary>
    /// Where the words the short statement stands in for begin: at the last word of the statement before that its own
    /// first word repeats ("my wee" for "my poo"), or else as many words from its end.
    /// </summary>
    private static int SwappedStart(Utterance u, int from, int to, int ownStart, int ownCount)
    {
        var tokens = u.TokenSpan;
        for (var i = to; i >= from; i--)
        {
            if (tokens[i].Kind == TokenKind.Word && tokens[i].Id >= 0 && tokens[i].Id == tokens[ownStart].Id)
            {
                return i;
            }
        }

        return to - ownCount + 1;
    }

    /// <summary>
    /// The statement before the link that ends just before <paramref name="start"/>, and its first auxiliary, which
    /// splits its subject from what it says of it, or -1 when it has none ("no problems with my bladder").
    /// </summary>
    private static bool FindStatementBefore(Utterance u, int start, out int from, out int to, out int auxiliary)
    {
        from = -1;
        auxiliary = -1;
        to = StatementLinks.SkipBack(u, start - 1, acrossSentences: true, MaxLinks, out _);
        if (to < 0 || to == start - 1 || !IsPlain(u, to))
        {
            return false;
        }

        from = to;
        while (from > 0 && to - from < MaxBorrowedWords && IsPlain(u, from - 1))
        {
            from--;
        }

        if (to - from + 1 > MaxBorrowedWords)
        {
            return false;
        }

        foreach (var m in u.Of(PatternKind.Auxiliary))
        {
            if (m.Start >= from && m.Start <= to && (auxiliary < 0 || m.Start < auxiliary))
            {
                auxiliary = m.Start;
            }
        }

        return true;
    }

    private static int SkipTrailers(Utterance u, int at)
    {
        while (at < u.Tokens.Count && u.StartsAt(PatternKind.EllipsisTrailer, at, out var end))
        {
            at = end + 1;
        }

        return at;
    }

    /// <summary>A word or number inside a statement: not punctuation, and not the end of a link such as "and" or "but".</summary>
    private static bool IsPlain(Utterance u, int at) =>
        u.TokenSpan[at].Kind is TokenKind.Word or TokenKind.Number && !StatementLinks.EndsAt(u, at, acrossSentences: true, out _);

    /// <summary>The end of the text, a comma, a sentence end, or a link word starting at <paramref name="at"/>.</summary>
    private static bool LinkStartsAt(Utterance u, int at) =>
        at >= u.Tokens.Count || u.TokenSpan[at].Kind is TokenKind.Comma or TokenKind.SentenceEnd
        || u.StartsAt(PatternKind.ClauseJoiner, at, out _) || u.StartsAt(PatternKind.Terminator, at, out _);
}
