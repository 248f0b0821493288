namespace BackCareBot.Dialogs.Triage;

/// <summary>The things a person can ask for at any time, whatever step the triage is on.</summary>
public enum TriageCommand
{
    None,
    Help,
    Restart,
    Cancel,
    WhatDoYouKnow,
    ForgetMe,
    Tips,
    Emergency,
}
