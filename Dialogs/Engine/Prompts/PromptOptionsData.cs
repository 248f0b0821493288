namespace BackCareBot.Dialogs.Engine;

/// <summary>
/// A prompt's options as stored between turns: either the catalog key alone, or the activities as their
/// wire JSON, one string each, so a retry can send a fresh copy and a turn that sends nothing never parses them.
/// </summary>
internal sealed record PromptOptionsData
{
    public string? CatalogKey { get; init; }

    public string? Prompt { get; init; }

    public string? RetryPrompt { get; init; }

    public IReadOnlyList<Choice>? Choices { get; init; }

    public int? MaxRetries { get; init; }
}
