namespace BackCareBot.Dialogs.Recognition.Text;

/// <summary>
/// A hand-written, single-pass tokenizer: lower-cases, drops apostrophes ("can't" -> "cant"), reads "'s" as
/// "is", splits digits from letters ("2hrs", "3ish"), reads "3-4" as "3 to 4", keeps sentence ends, commas and
/// slashes, joins word pairs ("can not" -> "cant") and corrects one-letter typos of vocabulary words.
/// </summary>
internal sealed class Tokenizer(Lexicon lexicon, FuzzyIndex fuzzy, IReadOnlyDictionary<long, int> joins)
{
    private const int MaxWordLength = 64;
    private readonly int _isId = lexicon.Intern("is");
    private readonly int _toId = lexicon.Intern("to");
    private readonly int _andId = lexicon.Intern("and");

    public static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u2018' or '`' or '\u02BC';

    public static long JoinKey(int first, int second) => ((long)first << 32) | (uint)second;

    /// <summary>The word two words are read as, as typed text reads them: "can" + "not" is "cant".</summary>
    public bool TryJoin(int first, int second, out int joined) => joins.TryGetValue(JoinKey(first, second), out joined);

    public void Tokenize(string text, TokenBuffer tokens)
    {
        tokens.Clear();
        Span<char> word = stackalloc char[MaxWordLength];
        var i = 0;
        var spaceBefore = true;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsLetter(c))
            {
                i = ReadWord(text, i, word, tokens, !spaceBefore);
                spaceBefore = false;
                continue;
            }

            if (char.IsAsciiDigit(c))
            {
                i = ReadNumber(text, i, tokens, !spaceBefore);
                spaceBefore = false;
                continue;
            }

            switch (c)
            {
                case '.' or '!' or '?' or ';' or ':' or '\n' or '\r' or '\u2026':
                    AddPunctuation(tokens, TokenKind.SentenceEnd, i);
                    break;
                case ',' or '(' or ')' or '[' or ']' or '"' or '\u201C' or '\u201D':
                    AddPunctuation(tokens, TokenKind.Comma, i);
                    break;
                case '/':
                    AddPunctuation(tokens, TokenKind.Slash, i);
                    break;
                case '&' or '+':
                    tokens.Add(new Token { Start = i, End = i + 1, Id = _andId, Kind = TokenKind.Word });
                    break;
                case '-' or '\u2013' or '\u2014' or '~':
                    if (tokens.Count > 0 && tokens[tokens.Count - 1].Kind == TokenKind.Number && NextNonSpaceIsDigit(text, i + 1))
                    {
                        tokens.Add(new Token { Start = i, End = i + 1, Id = _toId, Kind = TokenKind.Word });
                    }

                    break;
            }

            spaceBefore = true;
            i++;
        }

        Join(tokens);
    }

    private int ReadWord(string text, int start, Span<char> word, TokenBuffer tokens, bool attached)
    {
        var length = 0;
        var i = start;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsLetter(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                if (length < MaxWordLength)
                {
                    word[length] = char.ToLowerInvariant(c);
                }

                length++;
                i++;
                continue;
            }

            if (IsApostrophe(c) && i + 1 < text.Length && char.IsLetter(text[i + 1]))
            {
                if ((text[i + 1] is 's' or 'S') && (i + 2 == text.Length || !char.IsLetter(text[i + 2])))
                {
                    AddWord(tokens, word, length, start, i, attached);
                    tokens.Add(new Token { Start = i, End = i + 2, Id = _isId, Kind = TokenKind.Word });
                    return i + 2;
                }

                i++;
                continue;
            }

            break;
        }

        AddWord(tokens, word, length, start, i, attached);
        return i;
    }

    private void AddWord(TokenBuffer tokens, ReadOnlySpan<char> word, int length, int start, int end, bool attached)
    {
        var id = -1;
        if (length <= MaxWordLength)
        {
            var span = word[..length];
            id = lexicon.Find(span);
            if (id < 0)
            {
                id = fuzzy.Find(span);
            }
        }

        tokens.Add(new Token { Start = start, End = end, Id = id, Kind = TokenKind.Word, Attached = attached });
    }

    private static int ReadNumber(string text, int start, TokenBuffer tokens, bool attached)
    {
        double value = 0;
        var i = start;
        var digits = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsAsciiDigit(c))
            {
                if (digits < 15)
                {
                    value = (value * 10) + (c - '0');
                }

                digits++;
                i++;
            }
            else if (c == ',' && i + 3 < text.Length + 1 && IsThousandsGroup(text, i + 1))
            {
                i++;
            }
            else if (c == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]))
            {
                i++;
                var scale = 0.1;
                while (i < text.Length && char.IsAsciiDigit(text[i]))
                {
                    value += (text[i] - '0') * scale;
                    scale /= 10;
                    i++;
                }

                break;
            }
            else
            {
                break;
            }
        }

        tokens.Add(new Token { Start = start, End = i, Id = -1, Value = value, Kind = TokenKind.Number, Attached = attached });
        return i;
    }

    private static bool IsThousandsGroup(string text, int start) =>
        start + 3 <= text.Length
        && char.IsAsciiDigit(text[start]) && char.IsAsciiDigit(text[start + 1]) && char.IsAsciiDigit(text[start + 2])
        && (start + 3 == text.Length || !char.IsAsciiDigit(text[start + 3]));

    private static bool NextNonSpaceIsDigit(string text, int start)
    {
        for (var i = start; i < text.Length; i++)
        {
            if (!char.IsWhiteSpace(text[i]))
            {
                return char.IsAsciiDigit(text[i]);
            }
        }

        return false;
    }

    private static void AddPunctuation(TokenBuffer tokens, TokenKind kind, int at)
    {
        if (tokens.Count > 0 && tokens[tokens.Count - 1].Kind == kind)
        {
            tokens[tokens.Count - 1].End = at + 1;
            return;
        }

        tokens.Add(new Token { Start = at, End = at + 1, Id = -1, Kind = kind });
    }

    private void Join(TokenBuffer tokens)
    {
        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            ref var first = ref tokens[i];
            var second = tokens[i + 1];
            if (first.Kind == TokenKind.Word && second.Kind == TokenKind.Word && first.Id >= 0 && second.Id >= 0
                && joins.TryGetValue(JoinKey(first.Id, second.Id), out var joined))
            {
                first.Id = joined;
                first.End = second.End;
                tokens.RemoveAt(i + 1);

                // Step back so the joined word can join its left neighbour: "havent" + ("been able" -> "able") -> "cant".
                i = Math.Max(i - 2, -1);
            }
        }
    }
}
