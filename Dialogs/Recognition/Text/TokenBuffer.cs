namespace BackCareBot.Dialogs.Recognition.Text;

/// <summary>A growable, reusable array of tokens, so recognising a line does not allocate one.</summary>
internal sealed class TokenBuffer
{
    private Token[] _items = new Token[64];

    public int Count { get; private set; }

    public Span<Token> Items => _items.AsSpan(0, Count);

    public ref Token this[int index] => ref _items[index];

    public void Clear() => Count = 0;

    public void Add(in Token token)
    {
        if (Count == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }

        _items[Count++] = token;
    }

    /// <summary>Drops tokens from index on; used when two words are joined into one.</summary>
    public void RemoveAt(int index)
    {
        Array.Copy(_items, index + 1, _items, index, Count - index - 1);
        Count--;
    }
}
