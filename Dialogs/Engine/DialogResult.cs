using System.Diagnostics.CodeAnalysis;

namespace BackCareBot.Dialogs.Engine;

/// <summary>
/// The value a child dialog hands its parent when it ends, as a small discriminated value: nothing, a value,
/// or "gave up" after a prompt's last retry. Steps read prompt answers through the typed helpers
/// (<see cref="Text"/>, <see cref="Number"/>, <see cref="Choice"/>, <see cref="Confirmed"/>) or
/// <see cref="Get{T}"/> for a child dialog's own result type, instead of casting an object in every step.
/// Results pass from child to parent within one turn and are never stored.
/// </summary>
public readonly record struct DialogResult
{
    private readonly object? _value;

    private DialogResult(DialogResultKind kind, object? value)
    {
        Kind = kind;
        _value = value;
    }

    public static DialogResult None => default;

    public static DialogResult GaveUp { get; } = new(DialogResultKind.GaveUp, null);

    public DialogResultKind Kind { get; }

    public bool HasValue => Kind == DialogResultKind.Value;

    public bool IsGaveUp => Kind == DialogResultKind.GaveUp;

    /// <summary>The answer of a text prompt, or the text of a message a waiting step received.</summary>
    public string? Text => _value as string;

    /// <summary>The answer of a number prompt.</summary>
    public decimal? Number => _value as decimal?;

    /// <summary>The answer of a confirm prompt.</summary>
    public bool? Confirmed => _value as bool?;

    /// <summary>The answer of a choice prompt.</summary>
    public FoundChoice? Choice => _value as FoundChoice;

    public static DialogResult From<T>(T value)
        where T : notnull => new(DialogResultKind.Value, value);

    public bool TryGet<T>([MaybeNullWhen(false)] out T value)
    {
        if (_value is T typed)
        {
            value = typed;
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>The value as <typeparamref name="T"/>; throws when the result holds something else.</summary>
    public T Get<T>() => _value is T typed
        ? typed
        : throw new InvalidOperationException($"The dialog result is {Describe()}, not a {typeof(T).Name}.");

    private string Describe() => Kind == DialogResultKind.Value ? $"a {_value!.GetType().Name}" : Kind.ToString();
}
