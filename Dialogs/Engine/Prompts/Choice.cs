namespace BackCareBot.Dialogs.Engine;

/// <summary>One option of a choice prompt: the value the caller gets back, an optional button title, and other words for it.</summary>
public sealed record Choice(string Value)
{
    /// <summary>The button text; the value when absent.</summary>
    public string? Title { get; init; }

    public IReadOnlyList<string> Synonyms { get; init; } = [];
}
