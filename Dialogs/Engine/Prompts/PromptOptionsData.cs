namespace BackCareBot.Dialogs.Engine;

/// <summary>
/// A prompt's options as stored between turns; the activities are kept as their wire JSON, one string each,
/// so a retry can send a fresh copy and a turn that sends nothing never parses them.
/// </summary>
internal sealed record PromptOptionsData(string Prompt, string? RetryPrompt, IReadOnlyList<Choice> Choices, int MaxRetries);
