namespace BackCareBot.Dialogs.Triage;

/// <summary>The four outcomes of the clinical guidance, in rising order of urgency.</summary>
public enum TriageLevel
{
    SelfCare,
    Gp,
    Urgent,
    Emergency,
}

public static class TriageLevelNames
{
    /// <summary>The lower-case names used in content, traces and the summary.</summary>
    public static string Name(this TriageLevel level) => level switch
    {
        TriageLevel.Emergency => "emergency",
        TriageLevel.Urgent => "urgent",
        TriageLevel.Gp => "gp",
        _ => "selfcare",
    };
}
