using BackCareBot.Dialogs.Recognition.Text;

namespace BackCareBot.Dialogs.Recognition.Matching;

/// <summary>
/// One position of a phrase: any of a set of words, any of a set of word sequences, or any number.
/// A wide slot ("... word" in the notation) may stand further from the slot before it, across commas.
/// </summary>
internal sealed class Slot(int[] words, int[][] sequences, bool anyNumber, IReadOnlySet<int> numberWords, bool wide = false)
{
    private readonly int[] _words = [.. words.Distinct().Order()];

    public bool Wide => wide;

    public Slot AsWide() => new(_words, sequences, anyNumber, numberWords, wide: true);

    public IEnumerable<int> FirstWords => _words.Concat(sequences.Select(s => s[0]));

    public bool AnyNumber => anyNumber;

    /// <summary>The index just after the match at position i, or -1.</summary>
    public int MatchAt(ReadOnlySpan<Token> tokens, int i)
    {
        ref readonly var token = ref tokens[i];
        if (anyNumber && (token.Kind == TokenKind.Number || (token.Kind == TokenKind.Word && numberWords.Contains(token.Id))))
        {
            return i + 1;
        }

        if (token.Kind != TokenKind.Word || token.Id < 0)
        {
            return -1;
        }

        var best = Array.BinarySearch(_words, token.Id) >= 0 ? i + 1 : -1;
        foreach (var sequence in sequences)
        {
            if (i + sequence.Length <= tokens.Length && i + sequence.Length > best && Matches(tokens, i, sequence))
            {
                best = i + sequence.Length;
            }
        }

        return best;
    }

    private static bool Matches(ReadOnlySpan<Token> tokens, int start, int[] sequence)
    {
        for (var k = 0; k < sequence.Length; k++)
        {
            if (tokens[start + k].Kind != TokenKind.Word || tokens[start + k].Id != sequence[k])
            {
                return false;
            }
        }

        return true;
    }
}
