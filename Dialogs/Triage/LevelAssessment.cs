namespace BackCareBot.Dialogs.Triage;

/// <summary>The level a triage ends at, and the reasons (red flag ids) that put it there.</summary>
public sealed record LevelAssessment(TriageLevel Level, IReadOnlyList<string> Reasons);
