namespace BackCareBot.Dialogs.Triage;

/// <summary>How the person answered one of the direct symptom questions.</summary>
public enum SymptomAnswer
{
    No,
    Yes,

    /// <summary>Counted as yes: when unsure, the bot errs on the side of caution.</summary>
    NotSure,
}
