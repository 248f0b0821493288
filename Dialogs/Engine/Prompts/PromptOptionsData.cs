using System.Text.Json.Nodes;

namespace BackCareBot.Dialogs.Engine;

/// <summary>
/// A prompt's options as stored between turns; the activities are kept in their wire form so a retry can
/// send a fresh copy.
/// </summary>
internal sealed record PromptOptionsData(JsonNode Prompt, JsonNode? RetryPrompt, IReadOnlyList<Choice> Choices, int MaxRetries);
