namespace BackCareBot.Dialogs.Engine;

/// <summary>The choice a choice prompt recognised: its value, its position in the list, and the text that matched.</summary>
public sealed record FoundChoice(string Value, int Index, string MatchedText);
