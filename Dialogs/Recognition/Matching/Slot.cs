using BackCareBot.Dialogs.Recognition.Text;

namespace BackCareBot.Dialogs.Recognition.Matching;

/// <summary>
/// One position of a phrase: any of a set of words, any of a set of word sequences, or any number.
/// A wide slot ("... word" in the notation) may stand further from the slot before it, across commas.
/// </summary>
internal sealed class Slot(int[] words, int[][] sequences, bool anyNumber, IReadOnlySet<int> numberWords, bool wide = false)
{
    private readonly int[] _words = [.. words.Distinct().Order()];

    // Sequences sorted by first word, so a token only compares the sequences that start with it.
    private readonly int[][] _sequences = [.. sequences.OrderBy(s => s[0])];
    private readonly int[] _sequenceFirsts = [.. sequences.Select(s => s[0]).Order()];

    public bool Wide => wide;

    public Slot AsWide() => new(_words, _sequences, anyNumber, numberWords, wide: true);

    public IEnumerable<int> FirstWords => _words.Concat(_sequenceFirsts);

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
        for (var k = FirstWithId(token.Id); k < _sequences.Length && _sequenceFirsts[k] == token.Id; k++)
        {
            var sequence = _sequences[k];
            if (i + sequence.Length <= tokens.Length && i + sequence.Length > best && Matches(tokens, i, sequence))
            {
                best = i + sequence.Length;
            }
        }

        return best;
    }

    private int FirstWithId(int id)
    {
        int low = 0, high = _sequenceFirsts.Length;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (_sequenceFirsts[mid] < id)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
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
