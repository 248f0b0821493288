namespace BackCareBot.Dialogs.Triage.Flow;

/// <summary>
/// Dialog ids are stored in conversation state: changing one strands conversations in progress, so they
/// are fixed strings, never derived from type names.
/// </summary>
public static class DialogIds
{
    public const string Triage = "triage";
    public const string Steps = "triage.steps";
    public const string Symptoms = "triage.symptoms";
    public const string ForgetMe = "triage.forgetMe";
    public const string OnsetWhenPrompt = "prompt.onsetWhen";
    public const string OnsetHowPrompt = "prompt.onsetHow";
    public const string LocationPrompt = "prompt.location";
    public const string SeverityPrompt = "prompt.severity";
    public const string YesNoPrompt = "prompt.yesNo";
    public const string LegDetailPrompt = "prompt.legDetail";
    public const string ForgetPrompt = "prompt.forget";
    public const string FollowUpOffer = "triage.followUpOffer";
    public const string FollowUpPrompt = "prompt.followUp";
}
