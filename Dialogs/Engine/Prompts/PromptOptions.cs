using BackCareBot.Protocol.Schema;

namespace BackCareBot.Dialogs.Engine;

/// <summary>
/// What a prompt asks, built by the caller: the engine never writes user-facing text. Activities are copied
/// before they are sent, so one prebuilt activity can serve every conversation.
/// </summary>
public sealed record PromptOptions
{
    public const int DefaultMaxRetries = 2;

    /// <summary>The question.</summary>
    public required Activity Prompt { get; init; }

    /// <summary>Sent after every failed attempt; the question again when absent.</summary>
    public Activity? RetryPrompt { get; init; }

    /// <summary>The options of a choice prompt, offered as buttons; ignored by other prompts.</summary>
    public IReadOnlyList<Choice> Choices { get; init; } = [];

    /// <summary>
    /// How many times the prompt asks again. The attempt after the last retry that still fails ends the prompt
    /// with <see cref="DialogResult.GaveUp"/>, so the caller gives safe advice instead of looping.
    /// </summary>
    public int MaxRetries { get; init; } = DefaultMaxRetries;

    /// <summary>
    /// Set through <see cref="CatalogPrompt.Start"/>: the prompt stores this key and rebuilds the rest, the retry
    /// included, from its catalog on later turns. Without it the whole options are stored.
    /// </summary>
    public string? CatalogKey { get; init; }
}
