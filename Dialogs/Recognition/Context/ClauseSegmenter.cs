using BackCareBot.Dialogs.Recognition.Matching;
using BackCareBot.Dialogs.Recognition.Text;

namespace BackCareBot.Dialogs.Recognition.Context;

/// <summary>
/// Numbers sentences, scopes and clauses. A scope ends at a sentence end or a terminator ("but", "except");
/// a clause also ends where a comma or "and" is followed by a new subject ("no fever, my legs are weak").
/// Cues only reach mentions in their own scope or clause.
/// </summary>
internal static class ClauseSegmenter
{
    public static void Segment(Utterance utterance)
    {
        var tokens = utterance.TokenSpan;
        Span<bool> terminatorAt = tokens.Length <= 512 ? stackalloc bool[tokens.Length] : new bool[tokens.Length];
        Span<bool> starterAt = tokens.Length <= 512 ? stackalloc bool[tokens.Length] : new bool[tokens.Length];
        Span<bool> joinerEnd = tokens.Length <= 512 ? stackalloc bool[tokens.Length] : new bool[tokens.Length];
        terminatorAt.Clear();
        starterAt.Clear();
        joinerEnd.Clear();
        foreach (var m in utterance.Of(PatternKind.Terminator))
        {
            terminatorAt[m.Start] = true;
        }

        foreach (var m in utterance.Of(PatternKind.ClauseStarter))
        {
            starterAt[m.Start] = true;
        }

        foreach (var m in utterance.Of(PatternKind.ClauseJoiner))
        {
            joinerEnd[m.End] = true;
        }

        int sentence = 0, scope = 0, clause = 0;
        for (var i = 0; i < tokens.Length; i++)
        {
            if (terminatorAt[i])
            {
                scope++;
                clause++;
            }
            else if (i > 0 && starterAt[i] && (tokens[i - 1].Kind == TokenKind.Comma || joinerEnd[i - 1]))
            {
                clause++;
            }

            utterance.Sentence[i] = sentence;
            utterance.Scope[i] = scope;
            utterance.Clause[i] = clause;
            if (tokens[i].Kind == TokenKind.SentenceEnd)
            {
                sentence++;
                scope++;
                clause++;
            }
        }
    }
}
