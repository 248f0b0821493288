namespace BackCareBot.Dialogs.Recognition.Text;

internal enum TokenKind : byte
{
    Word,
    Number,
    Comma,
    Slash,
    SentenceEnd,
}

/// <summary>
/// One token of an utterance. Start and End index the original text, so evidence is quoted in the person's
/// own words; Id is the lexicon id of the normalised word (-1 when the word is not in the vocabulary).
/// </summary>
internal struct Token
{
    public int Start;
    public int End;
    public int Id;
    public double Value;
    public TokenKind Kind;

    /// <summary>No space before it: "10k", "3am".</summary>
    public bool Attached;

    public readonly bool IsWord => Kind == TokenKind.Word;
}
